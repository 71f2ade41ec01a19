using ReleaseWatch.Judging;

namespace ReleaseWatch.Benchmarks.Judging;

/// <summary>A 10-metric policy using every measure and rule kind, as a busy production org might have.</summary>
internal static class BenchmarkPolicy
{
    public static Policy Create() => new()
    {
        Name = "benchmark",
        Metrics =
        [
            Metric("apex-errors", "apex.error", MetricMeasure.PerMinute, new() { Above = 5, AboveBaselineByPercent = 200 }),
            Metric("flow-errors", "flow.error", MetricMeasure.PerMinute, new() { Above = 2, AboveBaselineByPercent = 200 }),
            Metric("batch-errors", "batch.error", MetricMeasure.Count, new() { Above = 0 }),
            Metric("opportunity-creates", "business.opportunity.created", MetricMeasure.PerMinute, new() { BelowBaselineByPercent = 50 }),
            Metric("case-creates", "business.case.created", MetricMeasure.PerMinute, new() { BelowBaselineByPercent = 60 }),
            Metric("api-error-ratio", "api.error", MetricMeasure.Ratio, new() { Above = 0.02, AboveBaselineByPercent = 100 }, "api.request"),
            Metric("login-failure-ratio", "login.failure", MetricMeasure.Ratio, new() { Above = 0.1 }, "login.attempt"),
            Metric("integration-errors", "integration.error", MetricMeasure.Count, new() { PoissonSignificance = 0.01 }),
            Metric("callout-errors", "callout.error", MetricMeasure.Count, new() { PoissonSignificance = 0.001, Above = 3 }),
            Metric("limit-warnings", "limit.warning", MetricMeasure.PerMinute, new() { Above = 1 }),
        ],
    };

    private static MetricPolicy Metric(string name, string signal, MetricMeasure measure, MetricRule rule, string? denominator = null) => new()
    {
        Name = name,
        Signal = signal,
        Measure = measure,
        Denominator = denominator,
        FailWhen = rule,
        For = TimeSpan.FromMinutes(2),
        Lookback = measure == MetricMeasure.Count ? TimeSpan.FromMinutes(10) : null,
    };
}
