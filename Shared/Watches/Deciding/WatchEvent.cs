using System.Text.Json.Serialization;
using ReleaseWatch.Commands;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// One entry of a watch's append-only history. The decider turns (state, event, now) into the next
/// state and its effects; history rows keep every event with the decision it led to.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DeploymentReceived), "deploymentReceived")]
[JsonDerivedType(typeof(SignalsJudged), "signalsJudged")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(CommandResultReceived), "commandResultReceived")]
[JsonDerivedType(typeof(OperatorActed), "operatorActed")]
[JsonDerivedType(typeof(Superseded), "superseded")]
[JsonDerivedType(typeof(DeliveryRecorded), "deliveryRecorded")]
[JsonDerivedType(typeof(TimerAbandoned), "timerAbandoned")]
public abstract record WatchEvent;

/// <summary>The pipeline said a deployment finished; the watch begins. <paramref name="PolicyName"/> was chosen at intake.</summary>
public sealed record DeploymentReceived(DeploymentNotice Deployment, string PolicyName, string Via) : WatchEvent;

/// <summary>The judge's verdicts for every metric of the policy at <paramref name="CheckedAt"/>, with their evidence.</summary>
public sealed record SignalsJudged(JudgementTrigger Trigger, DateTimeOffset CheckedAt, IReadOnlyList<MetricJudgement> Judgements) : WatchEvent;

/// <summary>What caused a judgement.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<JudgementTrigger>))]
public enum JudgementTrigger
{
    /// <summary>A scheduled check (every policy interval).</summary>
    Check,
    /// <summary>A new failure signal arrived; judged at once so detection need not wait for the tick.</summary>
    Nudge,
    /// <summary>The last judgement, at the end of the window.</summary>
    WindowEnd,
}

/// <summary>A decision timer (deadline, response timeout) came due. Check timers become <see cref="SignalsJudged"/>.</summary>
public sealed record TimerFired(WatchTimerKind Kind, DateTimeOffset DueAt) : WatchEvent;

/// <summary>The deploy agent reported a command's outcome on "release-command-results".</summary>
public sealed record CommandResultReceived(CommandResult Result) : WatchEvent;

/// <summary>An operator acted on the watch. <paramref name="Actor"/> is who said so (free text from the request).</summary>
public sealed record OperatorActed(OperatorActionKind Action, string Actor, TimeSpan? ExtendBy, string? Reason) : WatchEvent;

/// <summary>What an operator may do to a watch (POST /api/watches/{id}/actions).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OperatorActionKind>))]
public enum OperatorActionKind
{
    /// <summary>Stop the watch; nothing more is judged or sent.</summary>
    Abort,
    /// <summary>Watch longer: the window ends later by the given minutes.</summary>
    Extend,
    /// <summary>Send the revert that waits for approval (or revert an inconclusive release).</summary>
    ApproveRevert,
}

/// <summary>A newer deployment to the same org started its own watch.</summary>
public sealed record Superseded(string ByWatchId, string ByDeploymentId) : WatchEvent;

/// <summary>What the dispatcher reported of an outbox item (e.g. a channel that kept failing). Changes no phase.</summary>
public sealed record DeliveryRecorded(string ItemId, string What) : WatchEvent;

/// <summary>
/// A timer whose step failed <paramref name="Attempts"/> times in a row (a poison timer) was given up by the runtime:
/// recorded with the last error, alerted to the platform owner, never retried.
/// </summary>
public sealed record TimerAbandoned(WatchTimerKind Kind, DateTimeOffset DueAt, int Attempts, string Error) : WatchEvent;
