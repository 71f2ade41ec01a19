using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Demo;
using ReleaseWatch.Hosting;
using ReleaseWatch.Intake;
using ReleaseWatch.Intake.Sources;
using ReleaseWatch.Intake.Sources.DevOpsCenter;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Storage;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch;

public static class ReleaseWatchServiceCollectionExtensions
{
    /// <summary>Registers every capability of ReleaseWatch from the "ReleaseWatch" configuration section.</summary>
    public static IServiceCollection AddReleaseWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchPolicies(configuration);
        services.AddReleaseWatchIntake(configuration);
        services.AddReleaseWatchWatches(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddReleaseWatchSources(configuration);
        services.AddReleaseWatchDevOpsCenter();
        services.AddHostedService<SignalCoverageStartupCheck>();
        services.AddReleaseWatchResponders(configuration);
        if (!HostingMode.IsFunctionsHost(configuration))
        {
            services.AddReleaseWatchSignalCaptureHostedService();
            services.AddReleaseWatchDevOpsCenterHostedService();
        }

        services.AddReleaseWatchDemo(configuration);
        return services;
    }
}
