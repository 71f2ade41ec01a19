using Microsoft.Extensions.Logging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// Runs rollout steps the way the watch runner runs watch steps: load, read "now" once, let the pure decider decide,
/// write the timers the decision expects, store state + history + outbox in one transaction, hand the outbox to the
/// watch's dispatcher (recording what it reports), then start the wave's watches if the step deployed a wave. A lost ETag race decides again.
/// </summary>
internal sealed class RolloutRunner(
    IRolloutStore store,
    ITimerStore timers,
    RolloutOutbox outbox,
    RolloutWatches watches,
    IOutboxDispatcher dispatcher,
    TimeProvider time,
    ILogger<RolloutRunner> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Starts a rollout; Created is false (and nothing changes) when one with this id exists.</summary>
    public async Task<(RolloutState State, bool Created)> StartAsync(RolloutRequested requested, CancellationToken cancellationToken)
    {
        var key = RolloutKey.For(requested.Plan.RolloutId);
        if (await store.GetAsync(key, cancellationToken) is { } existing)
        {
            return (existing.State, false);
        }

        var decision = RolloutDecider.Start(requested, time.GetUtcNow());
        await timers.ScheduleAsync(key, decision.State.Timers, cancellationToken);
        if (!await store.CreateAsync(decision, outbox.Compose(decision), cancellationToken))
        {
            return ((await store.GetAsync(key, cancellationToken))!.State, false);
        }

        RolloutLogs.Started(logger, requested.Plan.RolloutId, key, decision.State.Waves.Sum(w => w.Orgs.Count), decision.State.Waves.Count);
        await AfterAsync(decision, cancellationToken);
        return (decision.State, true);
    }

    /// <summary>Applies an event at the current instant. Null when the rollout does not exist.</summary>
    public async Task<RolloutDecision?> ApplyAsync(string key, RolloutEvent @event, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var decision = RolloutDecider.Decide(stored.State, @event, time.GetUtcNow());
            if (!decision.Changed)
            {
                return decision;
            }

            try
            {
                // Timers first: a timer without its step is ignored later; a step without its timer would stall.
                await timers.ScheduleAsync(key, decision.State.Timers.Except(stored.State.Timers), cancellationToken);
                await store.SaveAsync(decision, outbox.Compose(decision), stored.ETag, cancellationToken);
            }
            catch (RolloutConcurrencyException) when (attempt < MaxAttempts)
            {
                RolloutLogs.Raced(logger, key, attempt);
                continue;
            }

            RolloutLogs.Stepped(logger, key, @event.GetType().Name, stored.State.Phase, decision.State.Phase, decision.Effects.Count);
            await AfterAsync(decision, cancellationToken);
            return decision;
        }
    }

    /// <summary>Records a delivery report of the rollout's outbox in its history.</summary>
    public Task<RolloutDecision?> RecordAsync(DeliveryReport report, CancellationToken cancellationToken) =>
        ApplyAsync(report.WatchId, new RolloutDeliveryRecorded(report.ItemId, report.What), cancellationToken);

    private async Task AfterAsync(RolloutDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Effects.Count > 0)
        {
            try
            {
                // What the broker accepted goes in the history, as the sweep's later deliveries do (RolloutDeliveries).
                foreach (var report in await dispatcher.DispatchAsync(decision.State.Key, cancellationToken))
                {
                    await RecordAsync(report, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RolloutLogs.DispatchFailed(logger, decision.State.Key, ex);
            }
        }

        if (decision.StartWave is { } wave)
        {
            try
            {
                await watches.StartAsync(decision.State, wave, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The wave's Check timer (written ahead of the step) starts whatever this attempt could not.
                RolloutLogs.WaveStartFailed(logger, decision.State.Key, wave + 1, ex);
            }
        }
    }
}
