namespace ReleaseWatch.Judging;

/// <summary>
/// Tails of the count distributions the sparse tests use: Poisson, and the negative binomial (a Poisson whose rate
/// is gamma distributed: bursty, overdispersed counts) with mean μ and size r (variance μ + μ²/r). Both tails are
/// exact: the Poisson through the incomplete gamma function, the negative binomial through the incomplete beta.
/// </summary>
internal static class CountTail
{
    /// <summary>P(X ≥ k) for X ~ NB(mean, size); size = null means Poisson(mean).</summary>
    public static double AtLeast(long k, double mean, double? size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        if (size is not { } r)
        {
            return PoissonTail.AtLeast(k, mean);
        }

        if (k == 0)
        {
            return 1.0;
        }

        // P(X ≥ k) = I_q(k, r) with q = μ / (r + μ), the probability of each further event.
        return mean == 0 ? 0.0 : IncompleteBeta.Regularized(k, r, mean / (r + mean));
    }

    /// <summary>P(X ≤ k) for X ~ NB(mean, size); size = null means Poisson(mean).</summary>
    public static double AtMost(long k, double mean, double? size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        return mean == 0 ? 1.0 : 1.0 - AtLeast(k + 1, mean, size);
    }
}
