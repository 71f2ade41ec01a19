using ReleaseWatch.Alerts;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// A poison timer was given up: the watch records the error and alerts the platform owner. A watch that can no longer
/// be judged (its check or window-end step kept failing) ends Inconclusive with no decision deadline, so nothing is
/// accepted or reverted by default; an operator decides (extend retries the judging, approve-revert reverts).
/// </summary>
internal static class AbandonStep
{
    public static WatchDecision Apply(WatchState state, TimerAbandoned abandoned, DateTimeOffset now)
    {
        if (!state.Timers.Contains(new WatchTimer(abandoned.Kind, abandoned.DueAt)))
        {
            return WatchDecider.Unchanged(state, abandoned, $"Abandoned timer {abandoned.Kind} is stale: the watch no longer expects it.");
        }

        var context = new DecisionContext(state, now);
        var what = $"Step {abandoned.Kind} (due {abandoned.DueAt:u}) failed {abandoned.Attempts} times and was given up: {abandoned.Error}";
        if (abandoned.Kind.Judges() is not null)
        {
            context.ClearTimers(WatchTimerKind.Check, WatchTimerKind.WindowEnd);
            if (state.Phase.IsJudging())
            {
                context.State = context.State with
                {
                    Phase = WatchPhase.Inconclusive,
                    DecisionDeadlineAt = null,
                    Outcome = $"Not judged further: {what}. An operator decides (extend to retry, approve-revert to revert).",
                };
            }
        }
        else
        {
            context.ClearTimers(abandoned.Kind);
        }

        context.Note(what);
        context.Alert(AlertKind.StepFailed, AlertSeverity.Critical, null, $"Watch step failed: {state.Deployment.Org.Name} release {state.Deployment.Release.Version}", what, []);
        return context.Decide(abandoned);
    }
}
