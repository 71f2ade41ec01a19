using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// One pass of the ticker: claim due timers, wake their watches, complete the timers, then sweep the
/// outbox, then run the registered <see cref="ITickSweep"/>s. Called by the Ticker function (Functions host) or the standalone loop.
/// </summary>
internal sealed class WatchTicker(
    ITimerStore timers,
    IWatchStore store,
    WatchStateCache cache,
    WatchRunner runner,
    WatchChecks checks,
    IOutboxDispatcher dispatcher,
    TimeProvider time,
    IOptions<WatchOptions> options,
    IEnumerable<ITimerOwner> owners,
    IEnumerable<IOutboxOwner> outboxOwners,
    IEnumerable<ITickSweep> sweeps,
    ILogger<WatchTicker> logger)
{
    /// <summary>Returns how many timers this pass processed.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var due = await timers.ClaimDueAsync(time.GetUtcNow(), options.Value.TimersPerTick, options.Value.TimerClaim, cancellationToken);
        var processed = 0;
        var writes = new TimerWrites();
        foreach (var timer in due)
        {
            try
            {
                await FireAsync(timer, writes, cancellationToken);
                writes.Complete(timer);
                processed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim expires and another pass retries (the step is idempotent: ETag + expected timers),
                // until the timer has failed too often: then it is given up, never looped on.
                WatchLogs.TimerFailed(logger, timer.WatchId, timer.Timer.Kind, timer.Attempts, ex);
                if (timer.Attempts >= options.Value.MaxTimerAttempts && await AbandonAsync(timer, ex, cancellationToken))
                {
                    processed++;
                }
            }
        }

        try
        {
            await timers.ApplyAsync(writes, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The steps are stored; their fired timers fire again when the claims expire, are found stale, and restore the
            // timers their watches expect.
            WatchLogs.TimerWritesFailed(logger, due.Count, ex);
        }

        await RecordAsync(await dispatcher.SweepAsync(cancellationToken), cancellationToken);
        foreach (var sweep in sweeps)
        {
            try
            {
                await sweep.SweepAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WatchLogs.SweepFailed(logger, sweep.GetType().Name, ex);
            }
        }

        return processed;
    }

    /// <summary>Records each sweep report in the history it belongs to: its owner's (a rollout's), else its watch's.</summary>
    private async Task RecordAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken)
    {
        var theirs = reports.Select(r => (Report: r, Owner: outboxOwners.FirstOrDefault(o => o.Owns(r.WatchId)))).ToList();
        foreach (var (report, owner) in theirs.Where(t => t.Owner is not null))
        {
            await owner!.RecordAsync(report, cancellationToken);
        }

        await runner.RecordAsync([.. theirs.Where(t => t.Owner is null).Select(t => t.Report)], cancellationToken);
    }

    /// <summary>Records the poison timer on its watch (error, alert, its timers cleared) and deletes it; false when even that failed.</summary>
    private async Task<bool> AbandonAsync(DueTimer timer, Exception error, CancellationToken cancellationToken)
    {
        try
        {
            var message = $"{error.GetType().Name}: {error.Message}";
            await runner.ApplyAsync(timer.WatchId, new TimerAbandoned(timer.Timer.Kind, timer.Timer.DueAt, timer.Attempts, message[..Math.Min(message.Length, 512)]), cancellationToken);
            await timers.CompleteAsync(timer, cancellationToken);
            WatchLogs.TimerAbandoned(logger, timer.WatchId, timer.Timer.Kind, timer.Attempts);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WatchLogs.TimerFailed(logger, timer.WatchId, timer.Timer.Kind, timer.Attempts, ex);
            return false;
        }
    }

    private async Task FireAsync(DueTimer due, TimerWrites writes, CancellationToken cancellationToken)
    {
        if (owners.FirstOrDefault(o => o.Owns(due.WatchId)) is { } owner)
        {
            await owner.FireAsync(due.WatchId, due.Timer, cancellationToken);
            return;
        }

        // The state this instance last stored expects the timer: fire it (a stale state loses its step's ETag race and
        // is decided again on a fresh read). Otherwise storage decides: a timer is dropped only on the stored state's word.
        if (cache.Get(due.WatchId) is not { } cached || !cached.State.Timers.Contains(due.Timer))
        {
            var stored = await store.GetAsync(due.WatchId, cancellationToken);
            if (stored is null || !stored.State.Timers.Contains(due.Timer))
            {
                // Stale: the watch moved on, or the step that wrote it never landed. A step stored in a tick that died before
                // writing its timers left only this one: what the watch expects is restored (rows already there are kept).
                if (stored is not null && !stored.State.Phase.IsCompleted())
                {
                    writes.Restore(due.WatchId, stored.State.Timers);
                }

                return;
            }

            cache.Remember(stored);
        }

        if (due.Timer.Kind.Judges() is { } trigger)
        {
            await checks.JudgeAsync(due.WatchId, trigger, cancellationToken, writes);
        }
        else
        {
            await runner.ApplyAsync(due.WatchId, new TimerFired(due.Timer.Kind, due.Timer.DueAt), cancellationToken);
        }
    }
}
