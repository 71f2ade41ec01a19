using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

public sealed class SparseTestTests
{
    /// <summary>A baseline hour of 60 errors at 1/min on average: steady (one a minute) or bursty (bursts of 10 in six minutes).</summary>
    private static SignalWindow Baseline(bool bursty)
    {
        var from = Some.DeployedAt.AddMinutes(-60);
        var counts = Enumerable.Range(0, 60)
            .Where(i => !bursty || i % 10 == 0)
            .ToDictionary(i => from.AddMinutes(i), _ => bursty ? 10L : 1L);
        return new SignalWindow(Some.Window("apex.error", from, 60, 0).OrgId, "apex.error", from, Some.DeployedAt, counts, Some.Reports(SignalSourceHealth.Healthy, Some.DeployedAt), []);
    }

    private static MetricInputs Inputs(long observed, bool bursty) => Some.Inputs(observed, 0) with { Baseline = Baseline(bursty) };

    [Fact]
    public void A_burst_the_bursty_baseline_also_had_passes()
    {
        var metric = Some.Metric(new MetricRule { PoissonSignificance = 0.001 });

        var judgement = MetricJudge.Judge(metric, Inputs(10, bursty: true));

        Assert.Equal(Verdict.Passed, judgement.Verdict);
        Assert.True(judgement.Dispersion > 5, $"dispersion {judgement.Dispersion}");
        Assert.Equal(1.0, judgement.Expected!.Value, 1e-9);
        Assert.Contains("negative binomial", judgement.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_burst_against_a_steady_baseline_fails_as_poisson()
    {
        var metric = Some.Metric(new MetricRule { PoissonSignificance = 0.001 });

        var judgement = MetricJudge.Judge(metric, Inputs(10, bursty: false));

        Assert.Equal(Verdict.Failed, judgement.Verdict);
        Assert.Equal(PoissonTail.AtLeast(10, 1.0), judgement.PValue!.Value, 1e-15);
    }

    [Theory]
    [InlineData(0, 0.001, Verdict.Failed)]      // zero against a steady 20/min: p = e^-20
    [InlineData(12, 0.001, Verdict.Passed)]     // 12 against 20 is within Poisson noise
    [InlineData(20, 0.001, Verdict.Passed)]
    public void Below_baseline_significance_fails_a_collapse_not_noise(long observed, double significance, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { BelowBaselineSignificance = significance }) with { Signal = "business.opportunity.created" };

        var judgement = MetricJudge.Judge(metric, Some.Inputs(observed, 1200, signal: "business.opportunity.created"));

        Assert.Equal(expected, judgement.Verdict);
    }

    [Fact]
    public void Below_baseline_significance_reads_from_policy_json_and_validates()
    {
        var catalog = PolicyCatalog.FromConfiguration(PolicyCatalogTests.JsonConfiguration("p", """
            { "metrics": [ { "name": "creates", "signal": "business.opportunity.created", "measure": "perMinute",
              "failWhen": { "belowBaselineSignificance": 0.001 }, "for": "PT10M", "decisive": { "for": "PT2M" } } ] }
            """));

        var metric = catalog.Get("p").Metrics[0];
        Assert.Equal(0.001, metric.FailWhen.BelowBaselineSignificance);
        Assert.Equal(TimeSpan.FromMinutes(2), metric.DecisiveFor);
        Assert.Equal(MetricPolicy.DefaultDecisiveSignificance, metric.DecisiveSignificance);
    }
}
