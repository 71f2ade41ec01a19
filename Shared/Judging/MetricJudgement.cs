namespace ReleaseWatch.Judging;

/// <summary>
/// One judged check of one metric with the evidence behind it, kept for the audit trail and alerts.
/// Observed and Baseline are in the metric's measure (count, per minute, or ratio); Baseline for count is
/// the baseline count scaled to the observed span's length. For a value measure (mean, p50…p99, max, last) the
/// counts are the number of values behind each side, and ObservedSkipped the observed events whose value was skipped.
/// The sparse tests' evidence: Expected (events the baseline's
/// rate gives the checked span), Dispersion (the baseline's variance / mean per minute; 1 is Poisson) and PValue.
/// SilentStreams: the streams feeding the signal found silent at this check (their silence makes a pass Inconclusive).
/// NewErrors (newErrors metrics): the errors never seen in the baseline that still recur, most frequent first, with samples.
/// </summary>
public sealed record MetricJudgement(
    string Metric,
    string Signal,
    Verdict Verdict,
    double? Observed,
    double? Baseline,
    string Threshold,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    DateTimeOffset BaselineFrom,
    DateTimeOffset BaselineTo,
    double? PValue,
    string Reason,
    long ObservedCount,
    long BaselineCount,
    long? ObservedDenominator,
    long? BaselineDenominator,
    long? ObservedSkipped = null,
    double? Expected = null,
    double? Dispersion = null,
    IReadOnlyList<SilentStream>? SilentStreams = null,
    IReadOnlyList<NewError>? NewErrors = null);
