using System.Text.Json.Serialization;

namespace ReleaseWatch.Judging;

/// <summary>
/// How a deployment is watched and judged, decided before the deployment (ReleaseWatch:Policies:{name}).
/// Every duration has a documented default.
/// </summary>
public sealed record Policy
{
    /// <summary>The policy's name: its key under ReleaseWatch:Policies.</summary>
    public required string Name { get; init; }

    /// <summary>How long a deployment is watched, warm-up included. Default 60 minutes.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Time between checks. Default 1 minute.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Not judged right after the deployment: Apex deployments flush caches and cause a short burst of errors. Default 2 minutes.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The span before the deployment whose measures are the baseline (baseline.window). Default 60 minutes.</summary>
    public TimeSpan BaselineWindow { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How many Inconclusive checks of one metric end the watch Inconclusive. Default 3.</summary>
    public int InconclusiveLimit { get; init; } = 3;

    /// <summary>How long an Inconclusive or approval-pending watch waits before <see cref="DefaultDecision"/> applies. Default 30 minutes.</summary>
    public TimeSpan DecisionDeadline { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>What applies when the decision deadline passes. Default accept.</summary>
    public PolicyDefaultDecision DefaultDecision { get; init; } = PolicyDefaultDecision.Accept;

    /// <summary>How long to wait for a command's result before escalating. Default 15 minutes.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>When true a revert waits for an operator's approve-revert. Default false.</summary>
    public bool RequireApproval { get; init; }

    /// <summary>The metrics judged at each check. At least one.</summary>
    public IReadOnlyList<MetricPolicy> Metrics { get; init; } = [];

}

/// <summary>What a watch does when an Inconclusive or approval-pending decision reaches the policy's deadline.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PolicyDefaultDecision>))]
public enum PolicyDefaultDecision
{
    /// <summary>Keep the deployment (the release stands; an alert says it was not verified).</summary>
    Accept,

    /// <summary>Revert the deployment.</summary>
    Revert,
}
