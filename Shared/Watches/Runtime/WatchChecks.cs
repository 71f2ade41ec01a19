using Microsoft.Extensions.Logging;
using ReleaseWatch.Telemetry;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Judges a watch now, as one step: read the state, read "now" once, build the event (judge the signals at that
/// instant), then apply it. A judgement that lost a race to another step is judged again on the fresh state at a
/// fresh instant, rather than applying verdicts older than the step that won.
/// </summary>
internal sealed class WatchChecks(IWatchStore store, WatchRunner runner, CheckJudge judge, TimeProvider time, ILogger<WatchChecks> logger)
{
    /// <summary>The step's decision; null when the watch does not exist or no longer judges.</summary>
    public async Task<WatchDecision?> JudgeAsync(string watchId, JudgementTrigger trigger, CancellationToken cancellationToken)
    {
        using var step = WatchTracing.StartStep("watch check", watchId, trigger.ToString());
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(watchId, cancellationToken);
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
                return await runner.StepAsync(stored, judged, now, cancellationToken);
            }
            catch (WatchConcurrencyException) when (attempt < WatchRunner.MaxAttempts)
            {
                WatchLogs.Raced(logger, watchId, attempt);
            }
        }
    }
}
