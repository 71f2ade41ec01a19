using ReleaseWatch.Dashboard;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;
using Some = ReleaseWatch.Tests.Watches.Deciding.Some;

namespace ReleaseWatch.Tests.Dashboard;

public sealed class MetricChartTests
{
    private static readonly DateTimeOffset T0 = Some.CompletedAt.AddMinutes(3);

    [Fact]
    public void Of_plots_every_check_and_marks_the_failing_run_that_breached()
    {
        var checks = Verdicts(Verdict.Passed, Verdict.Failed, Verdict.Inconclusive, Verdict.Failed, Verdict.Failed);
        var state = State(breach: checks[^1].Judgements[0]);

        var chart = Assert.Single(MetricChart.Of(state, checks, Some.Policy()));

        Assert.Equal(["Passed", "Failed", "Inconclusive", "Failed", "Failed"], chart.Points.Select(p => p.Verdict));
        Assert.Equal(new ChartSpan(T0.AddMinutes(1), T0.AddMinutes(4)), chart.BreachSpan);
        Assert.Equal((5.0, (double?)null, TimeSpan.FromMinutes(2)), (chart.Above!.Value, chart.Below, chart.For));
        Assert.Contains("breached", chart.Summary);
    }

    [Fact]
    public void Of_without_a_breach_has_no_span_and_a_pass_ends_a_failing_run()
    {
        var chart = Assert.Single(MetricChart.Of(State(breach: null), Verdicts(Verdict.Failed, Verdict.Passed), Some.Policy()));

        Assert.Null(chart.BreachSpan);
        Assert.DoesNotContain("breached", chart.Summary);
    }

    [Fact]
    public void Of_lists_policy_metrics_not_judged_yet_and_judged_metrics_the_policy_no_longer_names()
    {
        var charts = MetricChart.Of(State(null), [new SignalsJudged(JudgementTrigger.Check, T0, [Some.Judgement("retired", Verdict.Passed, T0)])],
            Some.Policy(metrics: [Some.Metric("apex-errors"), Some.Metric("flow-errors")]));

        Assert.Equal(["apex-errors", "flow-errors", "retired"], charts.Select(c => c.Metric));
        Assert.Equal("apex-errors: not judged yet.", charts[0].Summary);
    }

    [Theory]
    [InlineData(200.0, null, 10.0, null, 30.0)]
    [InlineData(null, 50.0, 10.0, 5.0, null)]
    [InlineData(100.0, 50.0, 10.0, 5.0, 20.0)]
    public void Band_is_what_a_relative_rule_allows_around_the_baseline(double? above, double? below, double baseline, double? low, double? high) =>
        Assert.Equal((low, high), MetricChart.Band(new MetricRule { AboveBaselineByPercent = above, BelowBaselineByPercent = below }, baseline));

    [Fact]
    public void Band_is_absent_without_a_baseline_or_a_relative_rule()
    {
        Assert.Equal((null, null), MetricChart.Band(new MetricRule { AboveBaselineByPercent = 100 }, null));
        Assert.Equal((null, null), MetricChart.Band(new MetricRule { Above = 5 }, 10));
    }

    internal static List<SignalsJudged> Verdicts(params Verdict[] verdicts) =>
        [.. verdicts.Select((v, i) => new SignalsJudged(JudgementTrigger.Check, T0.AddMinutes(i), [Some.Judgement("apex-errors", v, T0.AddMinutes(i), observed: v == Verdict.Failed ? 9 : 1)]))];

    internal static WatchState State(MetricJudgement? breach, WatchPhase phase = WatchPhase.Watching, bool awaitingApproval = false) => new(
        "w1", Some.Deployment(), "test", phase, 1, Some.CompletedAt, Some.CompletedAt, Some.CompletedAt.AddMinutes(10), Some.CompletedAt,
        [], [], [], [], awaitingApproval, null, null, breach, "", Some.Policy());
}
