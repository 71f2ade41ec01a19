using System.Text.Json.Serialization;
using ReleaseWatch.Commands;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>One entry of a rollout's append-only history; the decider turns (state, event, now) into the next state and its effects.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RolloutRequested), "rolloutRequested")]
[JsonDerivedType(typeof(RolloutCommandResulted), "commandResulted")]
[JsonDerivedType(typeof(WaveWatchSettled), "watchSettled")]
[JsonDerivedType(typeof(RolloutTimerFired), "timerFired")]
[JsonDerivedType(typeof(RolloutOperatorActed), "operatorActed")]
[JsonDerivedType(typeof(WaveJudged), "waveJudged")]
[JsonDerivedType(typeof(RolloutDeliveryRecorded), "deliveryRecorded")]
public abstract record RolloutEvent;

/// <summary>POST /api/rollouts, validated: the release and its waves with their orgs resolved from configuration.</summary>
public sealed record RolloutRequested(RolloutPlan Plan, string Via) : RolloutEvent;

/// <summary>The deploy agent reported a promote or revert command's outcome.</summary>
public sealed record RolloutCommandResulted(CommandResult Result) : RolloutEvent;

/// <summary>A watch of the current wave reached a phase that matters to the gate.</summary>
public sealed record WaveWatchSettled(string WatchId, string OrgId, WatchPhase Phase, string Outcome) : RolloutEvent;

/// <summary>A rollout timer came due (WindowEnd: the bake time ended; Check: look at the wave again).</summary>
public sealed record RolloutTimerFired(WatchTimerKind Kind, DateTimeOffset DueAt) : RolloutEvent;

/// <summary>An operator acted on the rollout; <paramref name="OrgId"/> only for skip.</summary>
public sealed record RolloutOperatorActed(RolloutAction Action, string Actor, string? OrgId, string? Reason) : RolloutEvent;

/// <summary>
/// The wave judged as a whole: each metric of its fleet policy judged (by the watch's own judge) on the signals of all
/// its deployed orgs summed minute by minute.
/// </summary>
/// <param name="Holds">How long each fleet metric must keep failing to halt (its "for"); a metric missing here (and
/// every metric of a history recorded before holds existed) halts at its first failure.</param>
public sealed record WaveJudged(int Wave, IReadOnlyList<Judging.MetricJudgement> Judgements, IReadOnlyList<FleetHold>? Holds = null) : RolloutEvent;

/// <summary>A fleet metric's "for": the wave's summed signal must fail this long, uninterrupted by a pass, to halt the rollout.</summary>
public sealed record FleetHold(string Metric, TimeSpan For);

/// <summary>
/// The outbox dispatcher's report on one of the rollout's items (a promote or revert command the broker accepted, or an
/// item given up after its attempts), recorded whether it was delivered at once or later by the ticker's sweep.
/// </summary>
public sealed record RolloutDeliveryRecorded(string ItemId, string What) : RolloutEvent;

/// <summary>What an operator may do to a rollout (POST /api/rollouts/{id}/actions).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RolloutAction>))]
public enum RolloutAction
{
    /// <summary>Promote nothing more until resumed; the current wave is still judged.</summary>
    Pause,
    /// <summary>Undo a pause; a wave that passed meanwhile promotes the next now.</summary>
    Resume,
    /// <summary>Leave one org of the current wave out of its criterion (e.g. an org being decommissioned).</summary>
    Skip,
    /// <summary>Stop the rollout; nothing more is promoted.</summary>
    Abort,
}

/// <summary>The validated request: what a rollout starts from.</summary>
public sealed record RolloutPlan(string RolloutId, Deployments.ReleaseRef Release, Deployments.PipelineRef Pipeline, IReadOnlyList<WavePlan> Waves);

/// <summary>One validated wave: its orgs (all Pending) with the policy each watch uses.</summary>
public sealed record WavePlan(string Name, IReadOnlyList<WaveOrg> Orgs, TimeSpan Bake, double Quorum, BreachScope OnBreach, FleetRule? Fleet);
