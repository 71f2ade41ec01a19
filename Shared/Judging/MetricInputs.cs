using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// What one check of a metric is judged on. The caller chooses the spans: observed = the check's lookback,
/// baseline = the span before the deployment. Denominators are set only for ratio metrics.
/// </summary>
public sealed record MetricInputs(
    SignalWindow Observed,
    SignalWindow? ObservedDenominator,
    SignalWindow Baseline,
    SignalWindow? BaselineDenominator);
