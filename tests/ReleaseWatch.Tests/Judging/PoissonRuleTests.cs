using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class PoissonRuleTests
{
    // Reference tails computed by summing the Poisson terms with 50-digit decimals.
    [Theory]
    [InlineData(3, 1.0, 0.080301397071394193)]
    [InlineData(10, 2.0, 4.6498075017263805e-05)]
    [InlineData(1, 0.5, 0.39346934028736658)]
    [InlineData(30, 10.0, 2.5099512015279076e-07)]
    [InlineData(5, 20.0, 0.9999830552560699)]
    [InlineData(100, 50.0, 3.2000653245851252e-10)]
    [InlineData(2, 0.001, 4.9966679163334028e-07)]
    [InlineData(50, 60.0, 0.91559331890630813)]
    [InlineData(0, 3.0, 1.0)]
    [InlineData(1, 0.0, 0.0)]
    public void AtLeast_matches_the_exact_poisson_tail(long k, double lambda, double expected)
    {
        var p = PoissonTail.AtLeast(k, lambda);

        Assert.True(Math.Abs(p - expected) <= expected * 1e-12, $"P(X >= {k} | {lambda}) = {p:R}, expected {expected:R}");
    }

    // 3 events in 10 minutes against 6 in the baseline hour: λ = 1, p = P(X >= 3) = 0.0803...
    private static readonly double BoundaryP = PoissonTail.AtLeast(3, 1.0);

    public static TheoryData<double, Verdict> Boundary => new()
    {
        { BoundaryP, Verdict.Passed },                       // p equal to the significance is not below it
        { Math.BitIncrement(BoundaryP), Verdict.Failed },    // the next double above p fails
        { 0.05, Verdict.Passed },
        { 0.1, Verdict.Failed },
    };

    [Theory]
    [MemberData(nameof(Boundary))]
    public void Judge_poisson_fails_only_when_the_p_value_is_below_the_significance(double significance, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { PoissonSignificance = significance }, MetricMeasure.Count);

        var judgement = MetricJudge.Judge(metric, Some.Inputs(3, 6, observedMinutes: 10));

        Assert.Equal(expected, judgement.Verdict);
        Assert.Equal(0.080301397071394193, judgement.PValue!.Value, 1e-14);
    }

    [Theory]
    [InlineData(null, 1, Verdict.Inconclusive)]  // zero baseline gives no rate to test against
    [InlineData(0, 1, Verdict.Failed)]           // explicitly allowed: any event beats a zero rate
    [InlineData(0, 0, Verdict.Passed)]
    public void Judge_poisson_with_a_zero_baseline_needs_min_baseline_count_zero(int? minBaselineCount, long observed, Verdict expected)
    {
        var metric = Some.Metric(new MetricRule { PoissonSignificance = 0.01 }, MetricMeasure.Count, minBaselineCount);

        Assert.Equal(expected, MetricJudge.Judge(metric, Some.Inputs(observed, 0, observedMinutes: 10)).Verdict);
    }
}
