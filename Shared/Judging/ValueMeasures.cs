using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Judging;

/// <summary>The measures read from a value signal's statistics rather than from its counts, and their defaults.</summary>
internal static class ValueMeasures
{
    public static bool IsValue(MetricMeasure measure) => measure is MetricMeasure.Mean or MetricMeasure.P50 or MetricMeasure.P90 or MetricMeasure.P95
        or MetricMeasure.P99 or MetricMeasure.Max or MetricMeasure.Last;

    /// <summary>The measure's number over <paramref name="values"/>, or null when the span holds no value.</summary>
    public static double? Of(MetricMeasure measure, ValueStatistics values) => values.Sketch.IsEmpty ? null : measure switch
    {
        MetricMeasure.Mean => values.Sketch.Mean,
        MetricMeasure.Max => values.Sketch.Max,
        MetricMeasure.Last => values.Last,
        _ => values.Sketch.Quantile(Quantile(measure)),
    };

    /// <summary>The fewest values a check needs when the metric sets no minSample.</summary>
    public static int DefaultMinSample(MetricMeasure measure) => measure switch
    {
        MetricMeasure.P50 or MetricMeasure.P90 or MetricMeasure.P95 or MetricMeasure.P99 => (int)Math.Ceiling(Math.Round(1 / (1 - Quantile(measure)), 6)),
        _ => 1,
    };

    public static int MinSample(MetricPolicy metric) => metric.MinSample ?? DefaultMinSample(metric.Measure);

    /// <summary>The fewest baseline values a relative rule on a value measure needs.</summary>
    public static int MinBaseline(MetricPolicy metric) =>
        metric.MinBaselineCount ?? Math.Max(MetricPolicy.DefaultMinBaselineCount, MinSample(metric));

    private static double Quantile(MetricMeasure measure) => measure switch
    {
        MetricMeasure.P50 => 0.50,
        MetricMeasure.P90 => 0.90,
        MetricMeasure.P95 => 0.95,
        MetricMeasure.P99 => 0.99,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a percentile measure."),
    };
}
