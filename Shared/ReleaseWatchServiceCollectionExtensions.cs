using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Demo;
using ReleaseWatch.Dependencies;
using ReleaseWatch.Hosting;
using ReleaseWatch.Intake;
using ReleaseWatch.Intake.Sources;
using ReleaseWatch.Intake.Sources.DevOpsCenter;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Runtime;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Limits;
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
        services.AddReleaseWatchRollouts(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddReleaseWatchSources(configuration);
        services.AddReleaseWatchDevOpsCenter();
        services.AddHostedService<SignalCoverageStartupCheck>();
        services.AddReleaseWatchLimits(configuration, hosted: !HostingMode.IsFunctionsHost(configuration));
        services.AddReleaseWatchDependencies(configuration, hosted: !HostingMode.IsFunctionsHost(configuration));
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
