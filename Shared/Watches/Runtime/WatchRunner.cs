using Microsoft.Extensions.Logging;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Runs watch steps, one visible path: load the state, read "now" once, let the pure decider decide, write the
/// timers the decision expects, store the step (state + history + outbox) in one transaction, then hand the
/// outbox to the dispatcher and record what it reports. A step that lost an ETag race is decided again on the
/// fresh state.
/// </summary>
internal sealed class WatchRunner(
    IWatchStore store,
    ITimerStore timers,
    PolicyCatalog policies,
    AlertComposer composer,
    IOutboxDispatcher dispatcher,
    WatchStateCache cache,
    TimeProvider time,
    IEnumerable<IWatchOutcomeListener> listeners,
    ILogger<WatchRunner> logger)
{
    /// <summary>How many times a step is decided again after losing an ETag race before the race is an error.</summary>
    internal const int MaxAttempts = 8;

    /// <summary>Starts a watch; returns false (and changes nothing) when it already exists.</summary>
    public async Task<(WatchState State, bool Created)> StartAsync(string watchId, DeploymentReceived received, CancellationToken cancellationToken)
    {
        using var step = WatchTracing.StartFirstStep(watchId, received);
        var existing = await store.GetAsync(watchId, cancellationToken);
        if (existing is not null)
        {
            return (existing.State, false);
        }

        var decision = WatchTracing.WithOrigin(WatchDecider.Start(watchId, received, policies.Get(received.PolicyName), time.GetUtcNow()), step);
        await timers.ScheduleAsync(watchId, decision.State.Timers, cancellationToken);
        var outbox = WatchTracing.Stamp(await composer.ComposeAsync(decision, cancellationToken));
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
        WatchMetrics.Started(decision.State);
        await DispatchAsync(decision, cancellationToken);
        return (decision.State, true);
    }

    /// <summary>Applies an event to a watch at the current instant. Null when the watch does not exist.</summary>
    public async Task<WatchDecision?> ApplyAsync(string watchId, WatchEvent @event, CancellationToken cancellationToken)
    {
        using var step = WatchTracing.StartStep("watch step", watchId, @event.GetType().Name);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(watchId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            WatchTracing.Read(step, stored.State);
            try
            {
                return await StepAsync(stored, @event, time.GetUtcNow(), cancellationToken);
            }
            catch (WatchConcurrencyException) when (attempt < MaxAttempts)
            {
                WatchLogs.Raced(logger, watchId, attempt);
            }
        }
    }

    /// <summary>
    /// One step on the state as it was read: decide <paramref name="event"/> at <paramref name="now"/>, store the
    /// step, dispatch its outbox. Throws <see cref="WatchConcurrencyException"/> when another step was stored first.
    /// </summary>
    /// <param name="deferred">A tick's timer rows: the step's next timers are added there once it is stored, and written with the tick's others.</param>
    public async Task<WatchDecision> StepAsync(StoredWatch stored, WatchEvent @event, DateTimeOffset now, CancellationToken cancellationToken, TimerWrites? deferred = null)
    {
        var watchId = stored.State.WatchId;
        var decision = WatchDecider.Decide(stored.State, PolicyOf(stored.State), @event, now);
        if (!decision.Changed)
        {
            return decision;
        }

        // Timers first: a timer without its step is ignored later; a step without its timer would stall. In a tick they follow
        // the step instead, with the tick's other rows: the fired timer is completed only with them, so until they are written
        // it fires again, is found stale, and restores what the watch expects.
        var next = decision.State.Timers.Except(stored.State.Timers).ToList();
        if (deferred is null)
        {
            await timers.ScheduleAsync(watchId, next, cancellationToken);
        }

        var outbox = WatchTracing.Stamp(await composer.ComposeAsync(decision, cancellationToken));
        try
        {
            cache.Remember(new StoredWatch(decision.State, await store.SaveAsync(decision, outbox, stored.ETag, cancellationToken)));
        }
        catch
        {
            // Lost a race, or not known whether it was stored: the next step reads the row.
            cache.Forget(watchId);
            throw;
        }

        deferred?.Schedule(watchId, next);

        WatchTracing.Decided(stored.State, decision);
        WatchMetrics.Stepped(stored.State, decision);
        WatchLogs.Stepped(logger, watchId, @event.GetType().Name, stored.State.Phase, decision.State.Phase, decision.Effects.Count);
        await DispatchAsync(decision, cancellationToken);
        if (decision.State.Phase != stored.State.Phase)
        {
            await NotifyAsync(stored.State, decision.State, cancellationToken);
        }

        return decision;
    }

    /// <summary>The policy a watch is judged by: the copy it started with (or, for watches stored before copies, its policy by name).</summary>
    public Policy PolicyOf(WatchState state) => state.Policy ?? policies.Get(state.PolicyName);

    /// <summary>Records each dispatcher report in its watch's history, as a step of its own.</summary>
    public async Task RecordAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken)
    {
        foreach (var report in reports)
        {
            await ApplyAsync(report.WatchId, new DeliveryRecorded(report.ItemId, report.What), cancellationToken);
        }
    }

    private async Task NotifyAsync(WatchState before, WatchState after, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnPhaseChangedAsync(before, after, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WatchLogs.ListenerFailed(logger, after.WatchId, listener.GetType().Name, ex);
            }
        }
    }

    private async Task DispatchAsync(WatchDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Effects.Count == 0)
        {
            return;
        }

        try
        {
            await RecordAsync(await dispatcher.DispatchAsync(decision.State.WatchId, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The step is stored; the next sweep delivers what this attempt could not.
            WatchLogs.DispatchFailed(logger, decision.State.WatchId, ex);
        }
    }
}
