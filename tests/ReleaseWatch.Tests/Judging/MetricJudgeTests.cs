using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

public sealed class MetricJudgeTests
{
    private static readonly MetricRule DesignRule = new() { Above = 5, AboveBaselineByPercent = 200 };

    [Theory]
    [InlineData(12, 120, Verdict.Failed)]       // 12/min > 5 and > 3 × 2/min
    [InlineData(6, 120, Verdict.Passed)]        // > 5 but not > 6 (3 × baseline)
    [InlineData(12, 600, Verdict.Passed)]       // > 5 but baseline is 10/min
    [InlineData(5, 0, Verdict.Passed)]          // exactly 5 is not above 5
    [InlineData(12, 0, Verdict.Failed)]         // zero baseline: relative not judged, absolute decides
    [InlineData(12, 19, Verdict.Failed)]        // baseline below minBaselineCount: absolute decides
    [InlineData(4, 19, Verdict.Passed)]
    public void Judge_above_and_above_baseline_fails_only_when_both_hold(long observed, long baseline, Verdict expected)
    {
        var judgement = MetricJudge.Judge(Some.Metric(DesignRule), Some.Inputs(observed, baseline));

        Assert.Equal(expected, judgement.Verdict);
    }

    [Theory]
    [InlineData(0, 600, null, Verdict.Failed)]        // silence: zero against a healthy 10/min
    [InlineData(60, 600, null, Verdict.Passed)]       // 6/min is not below 5/min
    [InlineData(40, 600, null, Verdict.Failed)]       // 4/min < 5/min
    [InlineData(50, 600, null, Verdict.Passed)]       // exactly half is not below half
    [InlineData(0, 19, null, Verdict.Inconclusive)]   // baseline below the default minBaselineCount 20
    [InlineData(0, 19, 10, Verdict.Failed)]           // a lower minBaselineCount lets it judge
    [InlineData(0, 0, null, Verdict.Inconclusive)]    // zero baseline
    [InlineData(0, 0, 0, Verdict.Passed)]             // zero baseline allowed: nothing is below zero
    public void Judge_below_baseline_judges_silence_and_needs_a_big_enough_baseline(long observed, long baseline, int? minBaselineCount, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { BelowBaselineByPercent = 50 }, minBaselineCount: minBaselineCount);

        var judgement = MetricJudge.Judge(metric, Some.Inputs(observed, baseline, observedMinutes: 10));

        Assert.Equal(expected, judgement.Verdict);
    }

    [Theory]
    [InlineData(1, Verdict.Failed)]
    [InlineData(0, Verdict.Passed)]
    public void Judge_zero_baseline_with_min_baseline_count_zero_fails_any_rise(long observed, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { AboveBaselineByPercent = 100 }, minBaselineCount: 0);

        Assert.Equal(expected, MetricJudge.Judge(metric, Some.Inputs(observed, 0)).Verdict);
    }

    [Theory]
    [InlineData(SignalSourceHealth.Down, 0, Verdict.Error)]
    [InlineData(SignalSourceHealth.Down, 100, Verdict.Error)]
    [InlineData(SignalSourceHealth.Unknown, 0, Verdict.Inconclusive)]
    [InlineData(SignalSourceHealth.Lagging, 0, Verdict.Inconclusive)]
    [InlineData(SignalSourceHealth.Lagging, 100, Verdict.Inconclusive)]
    [InlineData(SignalSourceHealth.Healthy, 0, Verdict.Passed)]
    [InlineData(SignalSourceHealth.Healthy, 100, Verdict.Failed)]
    public void Judge_source_health_comes_before_the_counts(SignalSourceHealth health, long observed, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });

        Assert.Equal(expected, MetricJudge.Judge(metric, Some.Inputs(observed, 120, health: health)).Verdict);
    }

    [Theory]
    [InlineData(10, 11, Verdict.Inconclusive)]  // gap inside the checked minute
    [InlineData(5, 15, Verdict.Inconclusive)]   // gap covering it
    [InlineData(9, 10, Verdict.Passed)]         // gap ending where the check starts
    [InlineData(11, 12, Verdict.Passed)]        // gap after the check
    public void Judge_a_gap_overlapping_the_checked_span_is_never_passed(int gapFrom, int gapTo, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });

        var judgement = MetricJudge.Judge(metric, Some.Inputs(0, 120, observedGaps: [Some.Gap(gapFrom, gapTo)]));

        Assert.Equal(expected, judgement.Verdict);
    }

    [Theory]
    [InlineData(true, 0, Verdict.Inconclusive)]    // relative only: the gapped baseline cannot judge
    [InlineData(false, 12, Verdict.Failed)]        // with an absolute condition it still decides
    [InlineData(false, 2, Verdict.Passed)]
    public void Judge_a_gap_in_the_baseline_leaves_relative_conditions_unjudged(bool relativeOnly, long observed, Verdict expected)
    {
        var rule = relativeOnly ? new MetricRule { BelowBaselineByPercent = 50 } : DesignRule;

        var judgement = MetricJudge.Judge(Some.Metric(rule), Some.Inputs(observed, 600, baselineGaps: [Some.Gap(-30, -20)]));

        Assert.Equal(expected, judgement.Verdict);
        Assert.Contains("baseline is incomplete", judgement.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 100, 60, 6000, Verdict.Failed)]        // 5% against 1% baseline, above 2%
    [InlineData(1, 100, 60, 6000, Verdict.Passed)]
    [InlineData(0, 0, 60, 6000, Verdict.Inconclusive)]    // zero denominator in the checked span
    [InlineData(5, 100, 0, 0, Verdict.Inconclusive)]      // zero denominator in the baseline
    public void Judge_ratio_divides_by_the_denominator_and_a_zero_denominator_is_inconclusive(
        long observed, long observedDenominator, long baseline, long baselineDenominator, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { AboveBaselineByPercent = 100 }, MetricMeasure.Ratio, denominator: "api.request");

        var judgement = MetricJudge.Judge(metric, Some.RatioInputs(observed, observedDenominator, baseline, baselineDenominator));

        Assert.Equal(expected, judgement.Verdict);
        Assert.Equal(observedDenominator, judgement.ObservedDenominator);
    }

    [Fact]
    public void Judge_ratio_with_its_denominator_source_down_is_error()
    {
        var metric = Some.Metric(new MetricRule { Above = 0.02 }, MetricMeasure.Ratio, denominator: "api.request");

        var judgement = MetricJudge.Judge(metric, Some.RatioInputs(5, 100, 60, 6000, SignalSourceHealth.Down));

        Assert.Equal(Verdict.Error, judgement.Verdict);
        Assert.Contains("api.request", judgement.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, 60, Verdict.Failed)]   // 30 in 10 min vs 10 expected, limit 20
    [InlineData(20, 60, Verdict.Passed)]   // exactly the limit
    public void Judge_count_scales_the_baseline_to_the_checked_span(long observed, long baseline, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { AboveBaselineByPercent = 100 }, MetricMeasure.Count, minBaselineCount: 20);

        var judgement = MetricJudge.Judge(metric, Some.Inputs(observed, baseline, observedMinutes: 10));

        Assert.Equal(expected, judgement.Verdict);
        Assert.Equal(10, judgement.Baseline);
        Assert.Equal(observed, judgement.Observed);
    }

    [Fact]
    public void Judge_an_observed_span_without_a_whole_minute_is_inconclusive()
    {
        var inputs = Some.Inputs(0, 120) with { Observed = Some.Window("apex.error", Some.DeployedAt.AddMinutes(10), 0, 0) };

        var judgement = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), inputs);

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
    }

    [Fact]
    public void Judge_keeps_the_evidence_behind_a_failure()
    {
        var judgement = MetricJudge.Judge(Some.Metric(DesignRule), Some.Inputs(12, 120));

        Assert.Equal(
            new MetricJudgement("apex-errors", "apex.error", Verdict.Failed, 12, 2, "> 5/min and > baseline +200% (> 6/min)",
                Some.DeployedAt.AddMinutes(10), Some.DeployedAt.AddMinutes(11), Some.DeployedAt.AddMinutes(-60), Some.DeployedAt,
                null, "apex.error at 12/min fails > 5/min and > baseline +200% (> 6/min)", 12, 120, null, null),
            judgement);
    }

    [Fact]
    public void Judge_says_which_relative_condition_was_not_judged_and_why()
    {
        var judgement = MetricJudge.Judge(Some.Metric(DesignRule), Some.Inputs(12, 19));

        Assert.Equal(
            "apex.error at 12/min fails > 5/min; not judged: > baseline +200% (the baseline has 19 events, fewer than minBaselineCount 20)",
            judgement.Reason);
    }
}
