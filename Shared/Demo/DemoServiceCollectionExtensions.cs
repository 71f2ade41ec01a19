using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Hosting;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Demo;

public static class DemoServiceCollectionExtensions
{
    public const string SectionName = "ReleaseWatch:Demo";

    /// <summary>
    /// Standalone only. With ReleaseWatch:Demo:Enabled, runs the demo on a fast clock (it replaces the service's
    /// TimeProvider, so register it after everything else); otherwise offers it when no org is streamed.
    /// </summary>
    public static IServiceCollection AddReleaseWatchDemo(this IServiceCollection services, IConfiguration configuration)
    {
        if (HostingMode.IsFunctionsHost(configuration))
        {
            return services;
        }

        var section = configuration.GetSection(SectionName);
        var demo = section.Get<DemoOptions>() ?? new DemoOptions();
        if (!demo.Enabled)
        {
            services.AddHostedService<DemoOffer>();
            return services;
        }

        services.AddOptions<DemoOptions>().Bind(section).ValidateAnnotations<DemoOptions, DemoOptionsValidator>().ValidateOnStart();
        var clock = new DemoClock(TimeProvider.System, Math.Clamp(demo.Speed, 1, 600));
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<DemoNarrator>();
        services.AddHostedService<DemoReplay>();
        // The story is told by the demo's own lines; every judgement's step line and HTTP client chatter would bury it.
        services.AddLogging(logging => logging
            .AddFilter(typeof(WatchRunner).FullName, LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        return services;
    }
}
