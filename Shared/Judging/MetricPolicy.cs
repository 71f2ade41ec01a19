using System.Text.Json.Serialization;

namespace ReleaseWatch.Judging;

/// <summary>One metric of a policy: which signal, how it is measured, when it fails and what a breach does.</summary>
public sealed record MetricPolicy
{
    /// <summary>The metric's name, unique in its policy (e.g. apex-errors). Required.</summary>
    public required string Name { get; init; }

    /// <summary>The counted signal (e.g. apex.error). Required.</summary>
    public required string Signal { get; init; }

    /// <summary>count, perMinute or ratio. Required.</summary>
    public required MetricMeasure Measure { get; init; }

    /// <summary>The denominator signal of a ratio (e.g. api.request); only for ratio.</summary>
    public string? Denominator { get; init; }

    /// <summary>When a check fails. At least one condition is required.</summary>
    public required MetricRule FailWhen { get; init; }

    /// <summary>How long the failure must hold before it is a breach. Default 0: the first failed check breaches.</summary>
    public TimeSpan For { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Overwhelming evidence breaches sooner: when every failed check of a run has a p-value below
    /// <see cref="DecisiveSignificance"/>, the run breaches once it has held for this (default null: only <see cref="For"/>).
    /// A marginal failure still needs <see cref="For"/>.
    /// </summary>
    public TimeSpan? DecisiveFor { get; init; }

    /// <summary>The p-value below which a failed check counts as decisive (decisive.significance). Default 0.000001.</summary>
    public double DecisiveSignificance { get; init; } = DefaultDecisiveSignificance;

    /// <summary>Default of <see cref="DecisiveSignificance"/>.</summary>
    public const double DefaultDecisiveSignificance = 0.000001;

    /// <summary>
    /// The span each check measures, ending at the check. Default (null): the policy's interval for perMinute and
    /// ratio, the whole watch so far (after warm-up) for count.
    /// </summary>
    public TimeSpan? Lookback { get; init; }

    /// <summary>
    /// The fewest baseline events a relative rule needs to be judged (for ratio: denominator events). Default
    /// (null): 20 for aboveBaselineBy/belowBaselineBy, 1 for the Poisson test (it is meant for sparse counts,
    /// but a zero baseline gives no rate to test against).
    /// </summary>
    public int? MinBaselineCount { get; init; }

    /// <summary>
    /// Value measures only: the fewest values the checked span needs to be judged (fewer is Inconclusive). Default
    /// (null): enough that the percentile is not just the largest value, ⌈1 / (1 − q)⌉ (p50 2, p90 10, p95 20,
    /// p99 100), and 1 for mean, max and last. A relative rule also needs this many baseline values, and at least
    /// <see cref="MinBaselineCount"/>.
    /// </summary>
    public int? MinSample { get; init; }

    /// <summary>
    /// Templates only: judge each member against its baseline scaled by how the family's other members (its peers, those
    /// with enough baseline volume) moved since: a lull the whole org shares (lunch, the end of the day) lowers every
    /// member's expectation alike, while one member falling alone is judged as before. Peers lower the baseline to a
    /// quarter at most (<see cref="PeerScale.Floor"/>) and never raise it. Default false.
    /// </summary>
    public bool AgainstPeers { get; init; }

    /// <summary>warning (alert and keep watching) or critical (act and end watching). Default critical.</summary>
    public MetricSeverity Severity { get; init; } = MetricSeverity.Critical;

    /// <summary>What a breach asks for. Default: alert only.</summary>
    public MetricBreachAction OnBreach { get; init; } = MetricBreachAction.Alert;

    /// <summary>observe (dry run), alert or act. Default act.</summary>
    public MetricMode Mode { get; init; } = MetricMode.Act;

    /// <summary>Default of <see cref="MinBaselineCount"/> for the percentage rules.</summary>
    public const int DefaultMinBaselineCount = 20;

    /// <summary>Default of <see cref="MinBaselineCount"/> for the Poisson test.</summary>
    public const int DefaultPoissonMinBaselineCount = 1;

}

/// <summary>How a metric turns signal counts into the number its rules compare.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MetricMeasure>))]
public enum MetricMeasure
{
    /// <summary>Events in the checked span. Its baseline is the baseline count scaled to the span's length.</summary>
    Count,

    /// <summary>Events per minute over the checked span.</summary>
    PerMinute,

    /// <summary>Events of the signal divided by events of the denominator signal over the same span.</summary>
    Ratio,

    /// <summary>The mean of a value signal's values over the span.</summary>
    Mean,

    /// <summary>The median of a value signal's values (from the sketch, within 1%).</summary>
    P50,

    /// <summary>The 90th percentile of a value signal's values (within 1%).</summary>
    P90,

    /// <summary>The 95th percentile of a value signal's values (within 1%).</summary>
    P95,

    /// <summary>The 99th percentile of a value signal's values (within 1%).</summary>
    P99,

    /// <summary>The largest value (exact).</summary>
    Max,

    /// <summary>A gauge's latest value in the span (exact): e.g. a limit's used fraction from the last /limits poll.</summary>
    Last,

    /// <summary>
    /// New error fingerprints (<see cref="NewErrorRule"/>): the occurrences since warm-up of the most frequent error
    /// never seen in the baseline that is still recurring (seen within the lookback). Judged with failWhen.above.
    /// </summary>
    NewErrors,
}

/// <summary>Staged trust: how far a metric's breach is allowed to reach.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MetricMode>))]
public enum MetricMode
{
    /// <summary>A dry run: judged and recorded, acts on nothing.</summary>
    Observe,

    /// <summary>A breach alerts, but never sends a command.</summary>
    Alert,

    /// <summary>A breach does what onBreach says.</summary>
    Act,
}

/// <summary>How serious a breach of a metric is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MetricSeverity>))]
public enum MetricSeverity
{
    /// <summary>Alert and keep watching.</summary>
    Warning,

    /// <summary>Act on the breach and end watching early.</summary>
    Critical,
}
