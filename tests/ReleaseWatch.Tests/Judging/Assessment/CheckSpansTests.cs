using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Tests.Judging.Assessment;

public sealed class CheckSpansTests
{
    // A 10-minute window, a check every minute, warm-up until 10:02; the deployment (anchor) at 10:00.
    private static readonly Policy Policy = new()
    {
        Name = "test",
        Window = TimeSpan.FromMinutes(10),
        Interval = TimeSpan.FromMinutes(1),
        Warmup = TimeSpan.FromMinutes(2),
        Metrics = [Some.Metric(new MetricRule { Above = 5 })],
    };

    [Fact]
    public void Observed_early_in_a_minute_also_spans_the_previous_whole_minute()
    {
        var checkedAt = Some.DeployedAt.AddMinutes(5).AddSeconds(3);

        var (from, to) = CheckSpans.Observed(Policy, Policy.Metrics[0], Some.DeployedAt, checkedAt);

        // 10:04:00 to 10:05:03: a steady failure three seconds into 10:05 is still measured over a whole minute.
        Assert.Equal(Some.DeployedAt.AddMinutes(4), from);
        Assert.Equal(checkedAt, to);
    }

    [Fact]
    public void Observed_right_after_warmup_measures_the_first_minute_whole()
    {
        var checkedAt = Some.DeployedAt.AddMinutes(2).AddSeconds(1);

        var (from, to) = CheckSpans.Observed(Policy, Policy.Metrics[0], Some.DeployedAt, checkedAt);

        Assert.Equal((Some.DeployedAt.AddMinutes(2), Some.DeployedAt.AddMinutes(3)), (from, to));
    }

    [Fact]
    public void A_partial_first_minute_never_fails_a_drop_rule()
    {
        // 10:02:00–10:02:30 captured, 5 creates so far against a 58/min baseline: read as a whole minute it is 5/min.
        var metric = Some.Metric(new MetricRule { BelowBaselineByPercent = 50 }) with { Signal = "business.opportunity.created" };
        var inputs = Some.Inputs(5, 3480, signal: "business.opportunity.created") with { CheckedAt = Some.DeployedAt.AddMinutes(10).AddSeconds(30) };

        var judgement = MetricJudge.Judge(metric, inputs);

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
        Assert.Contains("less than a minute is captured yet", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_first_minute_never_fails_an_absolute_floor()
    {
        var metric = Some.Metric(new MetricRule { Below = 20 });
        var inputs = Some.Inputs(5, 3480) with { CheckedAt = Some.DeployedAt.AddMinutes(10).AddSeconds(30) };

        Assert.Equal(Verdict.Inconclusive, MetricJudge.Judge(metric, inputs).Verdict);
    }

    [Fact]
    public void A_rate_over_less_than_a_minute_is_never_judged()
    {
        // 10:02:00 to 10:02:30 with 3 errors reads 6/min as a rate; so short a span is noise, not a failure.
        var metric = Some.Metric(new MetricRule { Above = 5 });
        var window = Some.Window("apex.error", Some.DeployedAt.AddMinutes(2), 1, 3) with { To = Some.DeployedAt.AddMinutes(2).AddSeconds(30) };
        var inputs = Some.Inputs(3, 0) with { Observed = window, CheckedAt = window.To };

        var judgement = MetricJudge.Judge(metric, inputs);

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
    }

    [Fact]
    public void Observed_rate_after_a_partial_minute_is_the_count_over_the_minutes_and_seconds_captured()
    {
        // 29 creates in 10:05 and the first half of 10:06 against a 20/min baseline: 19.33/min, not 29/min or 14.5/min.
        var metric = Some.Metric(new MetricRule { BelowBaselineByPercent = 50 }) with { Signal = "business.opportunity.created" };
        var window = Some.Window("business.opportunity.created", Some.DeployedAt.AddMinutes(5), 2, 29) with { To = Some.DeployedAt.AddMinutes(6).AddSeconds(30) };
        var inputs = Some.Inputs(0, 1200, signal: "business.opportunity.created") with { Observed = window, CheckedAt = window.To };

        var judgement = MetricJudge.Judge(metric, inputs);

        Assert.Equal(29 / 1.5, judgement.Observed!.Value, 1e-9);
        Assert.Equal(Verdict.Passed, judgement.Verdict);
    }

    // Which lookback applies, by measure and setting; the check at 10:07:30, warm-up ending 10:02.
    [Theory]
    [InlineData(MetricMeasure.PerMinute, null, "10:06:00")]   // the interval, plus the current minute so far
    [InlineData(MetricMeasure.Ratio, null, "10:06:00")]
    [InlineData(MetricMeasure.Count, null, "10:02:00")]       // count: the whole watch after warm-up
    [InlineData(MetricMeasure.PerMinute, 3, "10:04:00")]      // a metric's own lookback, in whole minutes
    [InlineData(MetricMeasure.Count, 3, "10:04:00")]
    [InlineData(MetricMeasure.PerMinute, 30, "10:02:00")]     // never reaching back into the warm-up
    public void Observed_uses_the_metrics_lookback_else_the_interval_else_the_whole_watch_for_counts(MetricMeasure measure, int? lookbackMinutes, string from)
    {
        var metric = Some.Metric(new MetricRule { Above = 5 }, measure, denominator: measure == MetricMeasure.Ratio ? "api.request" : null) with
        {
            Lookback = lookbackMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
        };
        var checkedAt = Some.DeployedAt.AddMinutes(7).AddSeconds(30);

        var span = CheckSpans.Observed(Policy, metric, Some.DeployedAt, checkedAt);

        Assert.Equal((Some.DeployedAt.Add(TimeSpan.Parse(from, System.Globalization.CultureInfo.InvariantCulture) - TimeSpan.FromHours(10)), checkedAt), span);
    }

    [Fact]
    public void Baseline_is_the_baseline_window_of_whole_minutes_before_the_deployment()
    {
        var (from, to) = CheckSpans.Baseline(Policy, Some.DeployedAt.AddSeconds(42));

        Assert.Equal((Some.DeployedAt.AddMinutes(-60), Some.DeployedAt), (from, to));
    }
}
