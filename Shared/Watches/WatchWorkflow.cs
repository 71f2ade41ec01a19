using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Events;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches;

/// <summary>
/// Runs watch steps: load the state, let the pure decider decide, write the timers it expects, store the
/// step (state + history + outbox) in one transaction, then hand the outbox to the dispatcher. A step that
/// lost an ETag race is decided again on the fresh state.
/// </summary>
public sealed class WatchWorkflow(
    IWatchStore store,
    ITimerStore timers,
    PolicyCatalog policies,
    TimeProvider time,
    IServiceProvider services,
    ILogger<WatchWorkflow> logger)
{
    private const int MaxAttempts = 8;
    private readonly AlertComposer _composer = ActivatorUtilities.CreateInstance<AlertComposer>(services);

    /// <summary>Starts a watch; returns false (and changes nothing) when it already exists.</summary>
    public async Task<(WatchState State, bool Created)> StartAsync(string watchId, DeploymentReceived received, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(watchId, cancellationToken);
        if (existing is not null)
        {
            return (existing.State, false);
        }

        var policy = policies.Get(received.PolicyName);
        var decision = WatchDecider.Start(watchId, received, policy, time.GetUtcNow());
        await timers.ScheduleAsync(watchId, decision.State.Timers, cancellationToken);
        var outbox = await _composer.ComposeAsync(decision, cancellationToken);
        if (!await store.CreateAsync(decision, outbox, cancellationToken))
        {
            // A concurrent delivery of the same deployment won the race: return its watch.
            var winner = await store.GetAsync(watchId, cancellationToken);
            return (winner!.State, false);
        }

        // A first check due at once (no warm-up) may have been claimed and dropped as stale while the watch
        // was being created; writing the timers again (idempotent) brings it back.
        await timers.ScheduleAsync(watchId, decision.State.Timers, cancellationToken);
        WatchLogs.Started(logger, watchId, decision.State.Org.Id, decision.State.Deployment.DeploymentId, decision.State.PolicyName);
        await DispatchAsync(decision, cancellationToken);
        return (decision.State, true);
    }

    /// <summary>Applies an event to a watch. Null when the watch does not exist.</summary>
    public Task<WatchDecision?> ApplyAsync(string watchId, WatchEvent @event, CancellationToken cancellationToken) =>
        ApplyAsync(watchId, (_, _) => Task.FromResult<WatchEvent?>(@event), cancellationToken);

    /// <summary>
    /// Applies the event <paramref name="makeEvent"/> builds from the current state (null: nothing to do).
    /// Null when the watch does not exist or no event was made.
    /// </summary>
    public async Task<WatchDecision?> ApplyAsync(string watchId, Func<WatchState, Policy, Task<WatchEvent?>> makeEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(watchId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var policy = stored.State.Policy ?? policies.Get(stored.State.PolicyName);
            var @event = await makeEvent(stored.State, policy);
            if (@event is null)
            {
                return null;
            }

            var decision = WatchDecider.Decide(stored.State, policy, @event, time.GetUtcNow());
            if (!decision.Changed)
            {
                return decision;
            }

            // Timers first: a timer without its step is ignored later; a step without its timer would stall.
            await timers.ScheduleAsync(watchId, decision.State.Timers.Except(stored.State.Timers), cancellationToken);
            var outbox = await _composer.ComposeAsync(decision, cancellationToken);
            try
            {
                await store.SaveAsync(decision, outbox, stored.ETag, cancellationToken);
            }
            catch (WatchConcurrencyException) when (attempt < MaxAttempts)
            {
                WatchLogs.Raced(logger, watchId, attempt);
                continue;
            }

            WatchLogs.Stepped(logger, watchId, @event.GetType().Name, stored.State.Phase, decision.State.Phase, decision.Effects.Count);
            await DispatchAsync(decision, cancellationToken);
            return decision;
        }
    }

    private async Task DispatchAsync(WatchDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Effects.Count == 0 || services.GetService<IOutboxDispatcher>() is not { } dispatcher)
        {
            return;
        }

        try
        {
            await dispatcher.DispatchAsync(decision.State.WatchId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The step is stored; the next sweep delivers what this attempt could not.
            WatchLogs.DispatchFailed(logger, decision.State.WatchId, ex);
        }
    }
}
