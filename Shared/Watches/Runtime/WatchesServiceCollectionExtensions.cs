using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Commands;
using ReleaseWatch.Hosting;
using ReleaseWatch.Outbox;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

public static class WatchesServiceCollectionExtensions
{
    /// <summary>Registers the watch workflow, its Table Storage, the ticker (a hosted loop when standalone) and the nudge entry point.</summary>
    public static IServiceCollection AddReleaseWatchWatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection("ReleaseWatch:Watches")).ValidateAnnotations<WatchOptions, WatchOptionsValidator>().ValidateOnStart();
        services.PostConfigure<WatchOptions>(o =>
        {
            if (Uri.TryCreate(configuration["ReleaseWatch:PublicBaseUrl"], UriKind.Absolute, out var publicBase))
            {
                o.PublicBaseUrl = publicBase;
            }
        });
        services.AddSingleton<IWatchStore, TableWatchStore>();
        services.AddSingleton<ITimerStore, TableTimerStore>();
        services.AddSingleton<AlertComposer>();
        services.AddSingleton<WatchStateCache>();
        services.AddSingleton<WatchRunner>();
        services.TryAddSingleton<ISignalFamilies, NoSignalFamilies>();
        services.AddSingleton<ErrorHistoryReader>();
        services.AddSingleton<CheckJudge>();
        services.AddSingleton<WatchChecks>();
        services.AddSingleton<WatchTicker>();
        services.AddSingleton<IWatchNudge, WatchNudge>();
        services.AddSingleton<IOpenWatches, OpenWatches>();
        services.AddSingleton<ICommandResultHandler, WatchCommandResults>();
        // Features that may be off get null objects; the capabilities that provide them register the real ones.
        services.TryAddSingleton<IOutboxDispatcher, NoOutboxDispatcher>();
        services.TryAddSingleton<ISignalEvidenceReader, NoSignalEvidence>();
        if (!HostingMode.IsFunctionsHost(configuration))
        {
            services.AddHostedService<TickerHostedService>();
        }

        return services;
    }
}
