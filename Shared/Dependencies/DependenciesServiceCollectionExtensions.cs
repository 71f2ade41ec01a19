using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Hosting;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Dependencies;

public static class DependenciesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dependency probes (ReleaseWatch:Dependencies; the orgs' declarations come from the org catalog, which
    /// validates them at start); with <paramref name="hosted"/> their standalone loop too.
    /// </summary>
    public static IServiceCollection AddReleaseWatchDependencies(this IServiceCollection services, IConfiguration configuration, bool hosted)
    {
        services.AddOptions<DependencyProbeOptions>().Bind(configuration.GetSection("ReleaseWatch:Dependencies")).ValidateAnnotations<DependencyProbeOptions, DependencyProbeOptionsValidator>().ValidateOnStart();
        // No client-wide timeout: each probe has its dependency's own. No cookies: every probe is the same anonymous GET.
        services.AddHttpClient(DependencyProbe.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<DependencyProbe>();
        services.AddSingleton<DependencyProber>();
        services.AddSingleton<IPolledChannels, DependencyPolledChannels>();
        services.TryAddSingleton<IOpenWatches, NoOpenWatches>();
        if (hosted)
        {
            services.AddHostedService<DependencyProbesHostedService>();
        }

        return services;
    }
}
