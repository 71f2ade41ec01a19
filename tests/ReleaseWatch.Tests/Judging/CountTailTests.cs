using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class CountTailTests
{
    // Reference: the negative binomial's terms summed directly, P(X = x) = Γ(x + r) / (Γ(r) x!) (r/(r+μ))^r (μ/(r+μ))^x.
    private static double Summed(long from, long to, double mean, double size)
    {
        var p = size / (size + mean);
        var total = 0.0;
        for (var x = from; x <= to; x++)
        {
            total += Math.Exp(PoissonTail.LogGamma(x + size) - PoissonTail.LogGamma(size) - PoissonTail.LogGamma(x + 1) + (size * Math.Log(p)) + (x * Math.Log(1 - p)));
        }

        return total;
    }

    [Theory]
    [InlineData(10, 2.0, 0.5)]
    [InlineData(3, 0.2, 0.05)]
    [InlineData(40, 12.0, 3.0)]
    [InlineData(1, 5.0, 100.0)]
    [InlineData(25, 20.0, 2.0)]
    public void AtLeast_matches_the_summed_negative_binomial_tail(long k, double mean, double size)
    {
        var expected = 1 - Summed(0, k - 1, mean, size);

        Assert.Equal(expected, CountTail.AtLeast(k, mean, size), 1e-10);
    }

    [Theory]
    [InlineData(0, 30.0, 4.0)]
    [InlineData(5, 30.0, 4.0)]
    [InlineData(12, 10.0, 1.5)]
    public void AtMost_matches_the_summed_negative_binomial_lower_tail(long k, double mean, double size)
    {
        Assert.Equal(Summed(0, k, mean, size), CountTail.AtMost(k, mean, size), 1e-10);
    }

    [Fact]
    public void A_burst_is_far_less_surprising_under_the_negative_binomial_than_under_poisson()
    {
        // 10 errors in a minute against 1/min: Poisson says p ≈ 1e-7; with bursts in the baseline (size 0.5) it is ≈ 0.005.
        Assert.True(CountTail.AtLeast(10, 1, null) < 1e-6);
        Assert.InRange(CountTail.AtLeast(10, 1, 0.5), 0.004, 0.006);
    }

    [Fact]
    public void Without_a_size_the_tails_are_poisson()
    {
        Assert.Equal(PoissonTail.AtLeast(3, 1.0), CountTail.AtLeast(3, 1.0, null));
        Assert.Equal(1 - PoissonTail.AtLeast(1, 30), CountTail.AtMost(0, 30, null));
    }
}
