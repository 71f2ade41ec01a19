using ReleaseWatch.Commands;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// A watch's current state: what the decider needs to take the next step. It follows from the history;
/// it is stored beside it (the state row) so a step need not replay everything.
/// </summary>
/// <param name="Version">How many events the history holds; the next event gets Version + 1.</param>
/// <param name="Anchor">The instant the window is measured from: the deployment's completion (or receipt, if the pipeline's clock runs ahead).</param>
/// <param name="Timers">The wake-ups this watch expects; any other timer row is stale.</param>
/// <param name="Breach">The judgement that breached the watch (critical, act mode): the evidence a later approval or default acts on.</param>
/// <param name="AlertsRaised">Keys (kind:metric) of alerts already raised: one alert per (watch, kind, metric) unless its state changes.</param>
/// <param name="Policy">
/// The policy as it was when the watch started: thresholds are decided before the deployment, so a policy
/// edited or removed later does not change (or stall) a running watch. Null only for watches stored before
/// snapshots existed; those look their policy up by name.
/// </param>
/// <param name="TraceParent">
/// The W3C trace context of the step that started the watch (null with telemetry off): later steps link to it.
/// Set by the runtime; the decider carries it along untouched.
/// </param>
public sealed record WatchState(
    string WatchId,
    DeploymentNotice Deployment,
    string PolicyName,
    WatchPhase Phase,
    int Version,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Anchor,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<MetricTrack> Metrics,
    IReadOnlyList<IssuedCommand> Commands,
    IReadOnlyList<WatchTimer> Timers,
    IReadOnlyList<string> AlertsRaised,
    bool AwaitingApproval,
    DateTimeOffset? DecisionDeadlineAt,
    string? SupersededBy,
    MetricJudgement? Breach,
    string Outcome,
    Policy? Policy = null,
    string? TraceParent = null)
{
    public OrgRef Org => Deployment.Org;

    public MetricTrack Track(string metric) =>
        Metrics.FirstOrDefault(m => m.Metric == metric) ?? MetricTrack.New(metric);
}

/// <summary>A command this watch put in its outbox, and what became of it.</summary>
public sealed record IssuedCommand(
    string CommandId,
    CommandType Type,
    string Metric,
    DateTimeOffset IssuedAt,
    CommandResultStatus? Result,
    string? Detail,
    DateTimeOffset? CompletedAt);
