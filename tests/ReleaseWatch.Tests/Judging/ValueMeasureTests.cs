using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Tests.Judging;

/// <summary>Value measures (mean, percentiles, max, last) judged from a window's merged values.</summary>
public sealed class ValueMeasureTests
{
    private static readonly MetricRule RiseOfHalf = new() { AboveBaselineByPercent = 50 };

    [Theory]
    [InlineData(1.8, Verdict.Failed)]   // page times 80% slower
    [InlineData(1.1, Verdict.Passed)]   // 10% slower: noise
    [InlineData(1.0, Verdict.Passed)]
    public void P95_above_baseline_by_half_fails_on_an_80_percent_rise_and_passes_without_one(double factor, Verdict expected)
    {
        var judgement = MetricJudge.Judge(Metric(MetricMeasure.P95, RiseOfHalf), Inputs(PageTimes(200, 1, factor), PageTimes(600, 2, 1)));

        Assert.Equal(expected, judgement.Verdict);
        Assert.Equal(200, judgement.ObservedCount);
        Assert.Equal(600, judgement.BaselineCount);
        Assert.Contains("ui.page-time p95 at", judgement.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricMeasure.Mean, 34)]
    [InlineData(MetricMeasure.Max, 100)]
    [InlineData(MetricMeasure.Last, 10)]
    [InlineData(MetricMeasure.P50, 20)]
    public void Each_measure_reads_its_statistic_of_the_observed_values(MetricMeasure measure, double expected)
    {
        var observed = Values((10, 20, 1), (30, 20, 2), (100, 20, 3), (20, 20, 4), (10, 20, 9));

        var judgement = MetricJudge.Judge(Metric(measure, new MetricRule { Above = 1_000 }, minSample: 1), Inputs(observed, Values((1, 20, 1))));

        Assert.Equal(expected, judgement.Observed!.Value, expected * ValueSketch.RelativeAccuracy);
    }

    [Theory]
    [InlineData(MetricMeasure.P99, 99, Verdict.Inconclusive)]
    [InlineData(MetricMeasure.P99, 100, Verdict.Failed)]
    [InlineData(MetricMeasure.P95, 19, Verdict.Inconclusive)]
    [InlineData(MetricMeasure.P95, 20, Verdict.Failed)]
    [InlineData(MetricMeasure.Mean, 1, Verdict.Failed)]
    public void Too_few_observed_values_for_the_measure_are_inconclusive_never_a_breach(MetricMeasure measure, int values, Verdict expected)
    {
        var judgement = MetricJudge.Judge(Metric(measure, new MetricRule { Above = 100 }), Inputs(PageTimes(values, 3, 10), PageTimes(600, 2, 1)));

        Assert.Equal(expected, judgement.Verdict);
    }

    [Fact]
    public void A_relative_rule_over_a_baseline_of_too_few_values_is_inconclusive()
    {
        var judgement = MetricJudge.Judge(Metric(MetricMeasure.P95, RiseOfHalf), Inputs(PageTimes(200, 1, 3), PageTimes(19, 2, 1)));

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
        Assert.Contains("the baseline has 19 values", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_values_are_shown_in_the_evidence_and_do_not_count_towards_the_sample()
    {
        var observed = PageTimes(30, 1, 2);
        observed.Skipped = 7;

        var judgement = MetricJudge.Judge(Metric(MetricMeasure.P95, RiseOfHalf), Inputs(observed, PageTimes(600, 2, 1)));

        Assert.Equal(7, judgement.ObservedSkipped);
        Assert.Equal(30, judgement.ObservedCount);
        Assert.Contains("30 values, 7 skipped", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_with_only_skipped_values_is_inconclusive()
    {
        var observed = new ValueStatistics { Skipped = 50 };

        var judgement = MetricJudge.Judge(Metric(MetricMeasure.Mean, new MetricRule { Above = 1 }), Inputs(observed, PageTimes(600, 2, 1)));

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
    }

    private static MetricPolicy Metric(MetricMeasure measure, MetricRule rule, int? minSample = null) => new()
    {
        Name = "page-time",
        Signal = "ui.page-time",
        Measure = measure,
        FailWhen = rule,
        MinSample = minSample,
    };

    private static MetricInputs Inputs(ValueStatistics observed, ValueStatistics baseline) => new(
        Some.Window("ui.page-time", Some.DeployedAt.AddMinutes(10), 5, observed.Sketch.Count + observed.Skipped) with { Values = observed },
        null,
        Some.Window("ui.page-time", Some.DeployedAt.AddMinutes(-60), 60, baseline.Sketch.Count + baseline.Skipped) with { Values = baseline },
        null,
        Some.DeployedAt.AddMinutes(15),
        new StreamHealthOptions());

    /// <summary>Lognormal page times around 1.1 s, scaled by <paramref name="factor"/>; seeded.</summary>
    private static ValueStatistics PageTimes(int count, int seed, double factor)
    {
        var statistics = new ValueStatistics();
        var at = Some.DeployedAt;
        foreach (var value in Signals.Values.ValueSketchTests.Sample("lognormal page times", seed, count))
        {
            statistics.Add(ValueReading.Of(value * factor), at);
        }

        return statistics;
    }

    private static ValueStatistics Values(params (double Value, int Count, int Second)[] groups)
    {
        var statistics = new ValueStatistics();
        foreach (var (value, count, second) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                statistics.Add(ValueReading.Of(value), Some.DeployedAt.AddSeconds(second));
            }
        }

        return statistics;
    }
}
