using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// The rollout's decider: a pure function from (state, event, now) to the next state and its effects. Its children
/// are the watches of its orgs; it sees them only through <see cref="WaveWatchSettled"/> events.
/// </summary>
internal static class RolloutDecider
{
    /// <summary>The first step: store the plan and put the first wave's promote command on the queue.</summary>
    public static RolloutDecision Start(RolloutRequested requested, DateTimeOffset now)
    {
        var plan = requested.Plan;
        var waves = plan.Waves.Select(w => new WaveState(w.Name, w.Orgs, w.Bake, w.Quorum, w.OnBreach, w.Fleet, WavePhase.Waiting, null, null, null));
        var state = new RolloutState(
            RolloutKey.For(plan.RolloutId), plan.RolloutId, plan.Release, plan.Pipeline, RolloutPhase.Promoting, 0, now, now, 0,
            [.. waves], [], [], false, "");
        var context = new RolloutContext(state, now);
        context.Note($"Rollout of release {plan.Release.Version} to {plan.Waves.Sum(w => w.Orgs.Count)} orgs in {plan.Waves.Count} waves (via {requested.Via}).");
        WaveSteps.Promote(context, 0);
        return context.Decide(requested);
    }

    /// <summary>Every later step.</summary>
    public static RolloutDecision Decide(RolloutState state, RolloutEvent @event, DateTimeOffset now) => @event switch
    {
        RolloutCommandResulted resulted => CommandStep.Apply(state, resulted, now),
        WaveWatchSettled settled => WaveSteps.Settle(state, settled, now),
        RolloutTimerFired fired => WaveSteps.Wake(state, fired, now),
        RolloutOperatorActed acted => RolloutOperatorStep.Apply(state, acted, now),
        WaveJudged judged => FleetStep.Apply(state, judged, now),
        RolloutDeliveryRecorded recorded => Record(state, recorded, now),
        RolloutRequested => throw new RolloutTransitionException(
            $"Rollout {state.RolloutId} already exists; a repeated request must return it, not start it again."),
        _ => throw new RolloutTransitionException($"Unknown event {@event.GetType().Name} for rollout {state.RolloutId}."),
    };

    /// <summary>A delivery fact: recorded in the history in any phase (a command sent after a halt is still history); nothing else moves.</summary>
    private static RolloutDecision Record(RolloutState state, RolloutDeliveryRecorded recorded, DateTimeOffset now)
    {
        var context = new RolloutContext(state, now);
        context.Note(recorded.What);
        return context.Decide(recorded);
    }

    internal static RolloutDecision Unchanged(RolloutState state, RolloutEvent @event, string why) => new(state, @event, [], why, Changed: false);

    /// <summary>Stops the rollout for good: later waves are never promoted, timers end.</summary>
    internal static void Stop(RolloutContext context, RolloutPhase phase, string outcome)
    {
        context.ClearTimers();
        for (var i = 0; i < context.State.Waves.Count; i++)
        {
            if (context.State.Waves[i].Phase is WavePhase.Waiting)
            {
                context.Wave(i, w => w with { Phase = WavePhase.Cancelled, Reason = $"Never promoted: {outcome}" });
            }
        }

        context.State = context.State with { Phase = phase, Outcome = outcome };
        context.Note(outcome);
    }

    /// <summary>Halts on a failed wave: the wave fails with its reason, the rollout stops, a critical alert goes out.</summary>
    internal static void Halt(RolloutContext context, string reason)
    {
        var index = context.State.Current;
        var wave = context.State.Wave;
        context.Wave(index, w => w with { Phase = WavePhase.Failed, Reason = reason });
        Stop(context, RolloutPhase.Halted, $"Halted at wave {index + 1} ({wave.Name}): {reason}");
        context.Alert(AlertKind.Breach, AlertSeverity.Critical, $"Rollout {context.State.RolloutId} halted at wave {index + 1}", context.State.Outcome);
    }

    internal static CommandReason Reason(string metric, string why) => new(metric, null, null, why, "");
}
