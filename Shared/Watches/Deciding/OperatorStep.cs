using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>Operator actions: abort, extend the window, approve a revert. Each is recorded in the history with its actor.</summary>
internal static class OperatorStep
{
    public static WatchDecision Apply(WatchState state, Policy policy, OperatorActed acted, DateTimeOffset now)
    {
        if (state.Phase.IsCompleted())
        {
            throw new WatchTransitionException($"Watch {state.WatchId} is already {state.Phase}; '{acted.Action}' cannot change it.");
        }

        var context = new DecisionContext(state, now);
        var by = $"by {acted.Actor}" + (string.IsNullOrWhiteSpace(acted.Reason) ? "" : $" ({acted.Reason})");
        switch (acted.Action)
        {
            case OperatorActionKind.Abort:
                context.ClearTimers();
                context.State = context.State with { Phase = WatchPhase.Cancelled, AwaitingApproval = false, DecisionDeadlineAt = null, Outcome = $"Aborted {by}." };
                break;
            case OperatorActionKind.Extend:
                Extend(context, policy, acted.ExtendBy ?? TimeSpan.Zero, by);
                break;
            case OperatorActionKind.ApproveRevert:
                var approvable = (state.Phase == WatchPhase.Breached && state.AwaitingApproval) || state.Phase == WatchPhase.Inconclusive;
                if (!approvable)
                {
                    throw new WatchTransitionException(
                        $"Watch {state.WatchId} is {state.Phase}{(state.AwaitingApproval ? "" : " and awaits no approval")}: there is no revert to approve.");
                }

                RevertTransition.Apply(context, policy, RevertCause.Approval, null, $"approved {by}");
                break;
        }

        context.Note(context.State.Outcome);
        return context.Decide(acted);
    }

    private static void Extend(DecisionContext context, Policy policy, TimeSpan by, string actor)
    {
        var state = context.State;
        if (by <= TimeSpan.Zero)
        {
            throw new WatchTransitionException("Extend needs a positive number of minutes.");
        }

        if (!state.Phase.IsJudging() && state.Phase != WatchPhase.Inconclusive)
        {
            throw new WatchTransitionException($"Watch {state.WatchId} is {state.Phase}: only a watch that is judging or inconclusive can be extended.");
        }

        // An inconclusive watch resumes judging; a running one simply ends later. Only judging timers remain.
        var windowEnd = WatchDecider.Max(state.WindowEndsAt, context.Now) + by;
        var check = state.Timers.FirstOrDefault(t => t.Kind == WatchTimerKind.Check) ?? new WatchTimer(WatchTimerKind.Check, context.Now + policy.Interval);
        context.State = context.State with
        {
            Phase = state.Phase == WatchPhase.Inconclusive ? WatchPhase.Watching : state.Phase,
            DecisionDeadlineAt = null,
            WindowEndsAt = windowEnd,
            Timers = [check, new WatchTimer(WatchTimerKind.WindowEnd, windowEnd)],
            Outcome = $"Window extended by {by.TotalMinutes:0} min to {windowEnd:u} {actor}.",
        };
        if (state.Phase == WatchPhase.Inconclusive)
        {
            context.Rearm(AlertKind.Inconclusive, null);
            context.Rearm(AlertKind.Verified, null);
        }
    }
}
