using System.Text.Json.Serialization;
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

/// <summary>One judged metric as an alert shows it: observed vs baseline vs threshold over a window.</summary>
public sealed record AlertMetric(
    string Name,
    string Signal,
    string Verdict,
    double? Observed,
    double? Baseline,
    string Threshold,
    string Window,
    double? PValue);

/// <summary>Why an alert is raised.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>A metric failed long enough to breach.</summary>
    Breach,
    /// <summary>A warning-severity metric failed; the watch goes on.</summary>
    Warning,
    /// <summary>A revert or remediation command was put on the queue.</summary>
    CommandIssued,
    /// <summary>The deploy agent reported the command's outcome.</summary>
    CommandResult,
    /// <summary>No result arrived within the policy's response timeout.</summary>
    ResponseOverdue,
    /// <summary>A breach needed a revert, but the deployment has no previous version to revert to.</summary>
    RevertImpossible,
    /// <summary>A revert waits for an operator's approval.</summary>
    ApprovalRequired,
    /// <summary>The window passed clean.</summary>
    Verified,
    /// <summary>Too little data, or gaps, to call the release verified.</summary>
    Inconclusive,
    /// <summary>The org's signal stream is down or gapped; the platform owner must look.</summary>
    SourceDown,
    /// <summary>A stream stays connected but delivers (almost) nothing against its own baseline: its signals cannot pass.</summary>
    StreamSilent,
    /// <summary>A step of the watch kept failing (a poison timer) and was given up; the platform owner must look.</summary>
    StepFailed,
}

/// <summary>Severity routes alerts to channels and recipients.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
