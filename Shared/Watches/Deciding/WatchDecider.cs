using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// The watch's decider: a pure function from (state, policy, event, now) to the next state and its
/// effects. No I/O, no clock: "now" is an argument, so the same history always gives the same decisions.
/// </summary>
internal static class WatchDecider
{
    /// <summary>The first step: a deployment was received; warm up, then check every interval until the window ends.</summary>
    public static WatchDecision Start(string watchId, DeploymentReceived received, Policy policy, DateTimeOffset now)
    {
        var deployment = received.Deployment;
        // The window runs from the deployment's completion; a pipeline clock ahead of ours is not trusted.
        var anchor = deployment.CompletedAt < now ? deployment.CompletedAt : now;
        var windowEnd = anchor + policy.Window;
        var firstCheck = Max(anchor + policy.Warmup, now);
        var state = new WatchState(
            watchId, deployment, received.PolicyName, WatchPhase.Pending, 0, now, anchor, windowEnd, now,
            [.. policy.Metrics.Where(m => !MetricFamily.IsTemplate(m)).Select(m => MetricTrack.New(m.Name))], [], [], [], false, null, null, null,
            $"Watching {deployment.Org.Name} release {deployment.Release.Version} until {windowEnd:u} with policy '{received.PolicyName}'.",
            policy);
        var context = new DecisionContext(state, now);
        if (firstCheck < windowEnd)
        {
            context.SetTimer(WatchTimerKind.Check, firstCheck);
        }

        context.SetTimer(WatchTimerKind.WindowEnd, windowEnd);
        context.Note($"Warm-up until {firstCheck:u}; window ends {windowEnd:u}.");
        return context.Decide(received);
    }

    /// <summary>Every later step.</summary>
    public static WatchDecision Decide(WatchState state, Policy policy, WatchEvent @event, DateTimeOffset now) => @event switch
    {
        SignalsJudged judged => CheckStep.Apply(state, policy, judged, now),
        TimerFired { Kind: WatchTimerKind.DecisionDeadline } fired => DeadlineStep.Apply(state, policy, fired, now),
        TimerFired { Kind: WatchTimerKind.ResponseTimeout } fired => ResponseStep.Overdue(state, fired, now),
        TimerFired fired => throw new WatchTransitionException(
            $"Timer {fired.Kind} is turned into a judgement by the runner, never decided directly (watch {state.WatchId})."),
        CommandResultReceived result => ResponseStep.Apply(state, result, now),
        OperatorActed acted => OperatorStep.Apply(state, policy, acted, now),
        Superseded superseded => Supersede(state, superseded, now),
        DeliveryRecorded recorded => Record(state, recorded, now),
        TimerAbandoned abandoned => AbandonStep.Apply(state, abandoned, now),
        DeploymentReceived => throw new WatchTransitionException(
            $"Watch {state.WatchId} already exists; a repeated delivery must return it, not start it again."),
        _ => throw new WatchTransitionException($"Unknown event {@event.GetType().Name} for watch {state.WatchId}."),
    };

    /// <summary>A step that changes nothing and stores nothing (a stale timer, a repeated result).</summary>
    internal static WatchDecision Unchanged(WatchState state, WatchEvent @event, string why) => new(state, @event, [], why, Changed: false);

    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static WatchDecision Supersede(WatchState state, Superseded superseded, DateTimeOffset now)
    {
        if (!state.Phase.IsSupersedable())
        {
            return Unchanged(state, superseded, $"Not superseded: the watch is {state.Phase}.");
        }

        var context = new DecisionContext(state, now);
        context.ClearTimers();
        context.State = context.State with
        {
            Phase = WatchPhase.Superseded,
            AwaitingApproval = false,
            DecisionDeadlineAt = null,
            SupersededBy = superseded.ByWatchId,
            Outcome = $"Superseded by deployment {superseded.ByDeploymentId} (watch {superseded.ByWatchId}).",
        };
        context.Note(context.State.Outcome);
        return context.Decide(superseded);
    }

    private static WatchDecision Record(WatchState state, DeliveryRecorded recorded, DateTimeOffset now)
    {
        var context = new DecisionContext(state, now);
        context.Note(recorded.What);
        return context.Decide(recorded);
    }
}

/// <summary>An event that cannot apply to the watch in its phase. The message says what probably happened.</summary>
public sealed class WatchTransitionException(string message) : InvalidOperationException(message);
