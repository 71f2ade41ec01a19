using Microsoft.Extensions.Logging;
using ReleaseWatch.Telemetry;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Judges a watch now, as one step: take the state (as this instance last stored it, else read), read "now" once, build the event (judge the signals at that
/// instant), then apply it. A judgement that lost a race to another step is judged again on the fresh state at a
/// fresh instant, rather than applying verdicts older than the step that won.
/// </summary>
internal sealed class WatchChecks(IWatchStore store, WatchStateCache cache, WatchRunner runner, CheckJudge judge, TimeProvider time, ILogger<WatchChecks> logger)
{
    /// <summary>The step's decision; null when the watch does not exist or no longer judges.</summary>
    /// <param name="deferred">A tick's timer rows, which the step's next timers join (see <see cref="WatchRunner.StepAsync"/>).</param>
    public async Task<WatchDecision?> JudgeAsync(string watchId, JudgementTrigger trigger, CancellationToken cancellationToken, TimerWrites? deferred = null)
    {
        using var step = WatchTracing.StartStep("watch check", watchId, trigger.ToString());
        for (var attempt = 1; ; attempt++)
        {
            // First from the state this instance last stored; from storage after a lost race, or when that state says the
            // watch no longer judges (another instance may have moved it on since, e.g. resumed it).
            var stored = attempt == 1 ? cache.Get(watchId) : null;
            if (stored is null || !stored.State.Phase.IsJudging())
            {
                stored = await store.GetAsync(watchId, cancellationToken);
                if (stored is not null)
                {
                    cache.Remember(stored);
                }
            }

            if (stored is null || !stored.State.Phase.IsJudging())
            {
                return null;
            }

            WatchTracing.Read(step, stored.State);
            var now = time.GetUtcNow();
            SignalsJudged judged;
            using (ReleaseWatchTelemetry.Source.StartActivity("watch judge"))
            {
                judged = await judge.JudgeAsync(stored.State, runner.PolicyOf(stored.State), trigger, now, cancellationToken);
            }

            try
            {
                return await runner.StepAsync(stored, judged, now, cancellationToken, deferred);
            }
            catch (WatchConcurrencyException) when (attempt < WatchRunner.MaxAttempts)
            {
                WatchLogs.Raced(logger, watchId, attempt);
            }
        }
    }
}
