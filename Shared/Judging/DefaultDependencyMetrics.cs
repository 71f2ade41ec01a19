namespace ReleaseWatch.Judging;

/// <summary>
/// The built-in policy's dependency metrics: templates over the probe signals, so they apply only to the dependencies
/// an org declares (an org without any has no member and nothing is judged), each judged and breached on its own:
/// - dependency-failing: every dependency.*.ok (successful probes, one per minute) with at least 20 in the baseline that
///   falls more than 50% below it over 3 minutes, for 3 minutes ("payments API failing");
/// - dependency-latency: every dependency.*.latency whose median over 5 minutes is above 100 ms and more than 80% above
///   the baseline's, for 5 minutes ("ERP latency +80%").
/// Both alert (warning): an external service failing is rarely the release's doing, so it never reverts by default.
/// </summary>
internal static class DefaultDependencyMetrics
{
    public static IReadOnlyList<MetricPolicy> All { get; } =
    [
        new()
        {
            Name = "dependency-failing",
            Signal = "dependency.*.ok",
            Measure = MetricMeasure.PerMinute,
            FailWhen = new MetricRule { BelowBaselineByPercent = 50 },
            Lookback = TimeSpan.FromMinutes(3),
            For = TimeSpan.FromMinutes(3),
            MinBaselineCount = 20,
            Severity = MetricSeverity.Warning,
            OnBreach = MetricBreachAction.Alert,
        },
        new()
        {
            Name = "dependency-latency",
            Signal = "dependency.*.latency",
            Measure = MetricMeasure.P50,
            FailWhen = new MetricRule { Above = 100, AboveBaselineByPercent = 80 },
            Lookback = TimeSpan.FromMinutes(5),
            For = TimeSpan.FromMinutes(5),
            MinBaselineCount = 20,
            Severity = MetricSeverity.Warning,
            OnBreach = MetricBreachAction.Alert,
        },
    ];
}
