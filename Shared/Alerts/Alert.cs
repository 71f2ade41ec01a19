using ReleaseWatch.Deployments;

namespace ReleaseWatch.Alerts;

/// <summary>
/// A message for on-call, carrying its evidence. <see cref="AlertId"/> is deterministic per
/// (watch, kind, metric, state) so channels can deduplicate.
/// </summary>
public sealed record Alert(
    string AlertId,
    AlertKind Kind,
    AlertSeverity Severity,
    string WatchId,
    OrgRef Org,
    string DeploymentId,
    ReleaseRef Release,
    PipelineRef? Pipeline,
    string Title,
    string Summary,
    IReadOnlyList<AlertMetric> Metrics,
    IReadOnlyList<string> TopErrors,
    Uri? WatchUrl,
    string? CommandId,
    DateTimeOffset RaisedAt);
