using System.Text.Json.Serialization;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>What a decision asks the world to do. Effects are data: the runner stores and carries them out.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendCommand), "sendCommand")]
[JsonDerivedType(typeof(RaiseAlert), "raiseAlert")]
public abstract record WatchEffect;

/// <summary>Put this command in the outbox, in the same transaction as the decision.</summary>
public sealed record SendCommand(ReleaseCommand Command) : WatchEffect;

/// <summary>
/// Raise an alert. The runner completes it with what only I/O can know (top error messages, links) and
/// puts it in the outbox. <paramref name="AlertId"/> is deterministic, so a retried step raises the same alert.
/// </summary>
public sealed record RaiseAlert(
    string AlertId,
    AlertKind Kind,
    AlertSeverity Severity,
    string Title,
    string Summary,
    IReadOnlyList<MetricJudgement> Evidence,
    string? CommandId) : WatchEffect;
