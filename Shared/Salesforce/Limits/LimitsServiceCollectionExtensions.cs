using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Hosting;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>Registers the /limits poller (ReleaseWatch:Limits); with <paramref name="hosted"/> its standalone loop too.</summary>
    public static IServiceCollection AddReleaseWatchLimits(this IServiceCollection services, IConfiguration configuration, bool hosted)
    {
        services.AddOptions<LimitsPollingOptions>().Bind(configuration.GetSection("ReleaseWatch:Limits")).ValidateAnnotations<LimitsPollingOptions, LimitsPollingOptionsValidator>().ValidateOnStart();
        services.AddHttpClient(OrgLimitsClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OrgLimitsClient>();
        services.AddSingleton<LimitsPoller>();
        services.AddSingleton<IPolledChannels, LimitsPolledChannels>();
        // Watches register the real answer; without them nothing is watched, so nothing is polled.
        services.TryAddSingleton<IOpenWatches, NoOpenWatches>();
        if (hosted)
        {
            services.AddHostedService<LimitsHostedService>();
        }

        return services;
    }
}
