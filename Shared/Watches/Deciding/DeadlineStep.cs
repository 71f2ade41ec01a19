using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>Nothing waits forever: at the decision deadline the policy's default (accept or revert) applies.</summary>
internal static class DeadlineStep
{
    public static WatchDecision Apply(WatchState state, Policy policy, TimerFired fired, DateTimeOffset now)
    {
        var waiting = state.Phase == WatchPhase.Inconclusive || (state.Phase == WatchPhase.Breached && state.AwaitingApproval);
        if (!waiting || !state.Timers.Any(t => t.Kind == WatchTimerKind.DecisionDeadline))
        {
            return WatchDecider.Unchanged(state, fired, $"Decision deadline is stale: the watch is {state.Phase}.");
        }

        var context = new DecisionContext(state, now);
        context.ClearTimers(WatchTimerKind.DecisionDeadline);
        if (policy.DefaultDecision == PolicyDefaultDecision.Revert)
        {
            context.Note("Decision deadline passed: the policy's default is revert.");
            RevertTransition.Apply(context, policy, RevertCause.Deadline, null, "policy default at the decision deadline");
            return context.Decide(fired);
        }

        var release = state.Deployment.Release.Version;
        if (state.Phase == WatchPhase.Inconclusive)
        {
            context.State = context.State with { Phase = WatchPhase.Verified, DecisionDeadlineAt = null, Outcome = $"Accepted by the policy's default after an inconclusive watch: {state.Outcome}" };
            context.Alert(AlertKind.Verified, AlertSeverity.Warning, null, $"Release {release} accepted by default (not verified)", context.State.Outcome, []);
        }
        else
        {
            context.State = context.State with { AwaitingApproval = false, DecisionDeadlineAt = null, Outcome = $"Revert not approved by {state.DecisionDeadlineAt:u}; the policy's default is accept: no command sent." };
            context.Alert(AlertKind.Breach, AlertSeverity.Critical, state.Breach?.Metric, $"Revert not approved: release {release} stays", context.State.Outcome, state.Breach is { } b ? [b] : []);
        }

        context.Note(context.State.Outcome);
        return context.Decide(fired);
    }
}
