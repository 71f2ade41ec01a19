using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Commands;
using ReleaseWatch.Hosting;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Rollouts.Runtime;

public static class RolloutsServiceCollectionExtensions
{
    /// <summary>
    /// Registers rollouts on the watch's building blocks: their Table Storage (the watches table), the runner, the timer
    /// owner the watch ticker fires, the outbox owner its sweep reports to, the watch-outcome listener, and the command-result route for "r…" ids. Call after
    /// <see cref="WatchesServiceCollectionExtensions.AddReleaseWatchWatches"/>.
    /// </summary>
    public static IServiceCollection AddReleaseWatchRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RolloutOptions>().Bind(configuration.GetSection("ReleaseWatch:Rollouts")).ValidateAnnotations<RolloutOptions, RolloutOptionsValidator>().ValidateOnStart();
        services.AddSingleton<IRolloutStore, TableRolloutStore>();
        services.AddSingleton<RolloutOutbox>();
        services.AddSingleton<RolloutWatches>();
        services.AddSingleton<RolloutRunner>();
        services.AddSingleton<RolloutFleetJudge>();
        services.AddSingleton<RolloutRequestReader>();
        services.AddSingleton<ITimerOwner, RolloutTimers>();
        services.AddSingleton(sp => new Lazy<RolloutRunner>(sp.GetRequiredService<RolloutRunner>));
        services.AddSingleton<IWatchOutcomeListener, RolloutWatchListener>();
        services.AddSingleton<IOutboxOwner, RolloutDeliveries>();

        // Results of rollout commands route here; every other result goes on to the handler registered before (the watches').
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ICommandResultHandler))
            ?? throw new InvalidOperationException("Register the watches (AddReleaseWatchWatches) before the rollouts.");
        services.Remove(inner);
        services.AddSingleton<ICommandResultHandler>(sp => new RolloutCommandResults(sp.GetRequiredService<RolloutRunner>(), Resolve(sp, inner)));
        return services;
    }

    private static ICommandResultHandler Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ICommandResultHandler)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
