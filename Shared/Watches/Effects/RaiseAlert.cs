using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Effects;

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
