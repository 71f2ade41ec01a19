namespace ReleaseWatch.Judging;

/// <summary>
/// The upper tail of the Poisson distribution, P(X ≥ k | λ) = P(k, λ), the regularized lower incomplete gamma
/// function. Series below a + 1 (accurate for the tiny p-values that matter), continued fraction above.
/// </summary>
internal static class PoissonTail
{
    private const int MaxIterations = 10_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    /// <summary>P(X ≥ <paramref name="k"/>) for X ~ Poisson(<paramref name="lambda"/>).</summary>
    public static double AtLeast(long k, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (k == 0)
        {
            return 1.0;
        }

        return lambda == 0 ? 0.0 : RegularizedLowerGamma(k, lambda);
    }

    internal static double RegularizedLowerGamma(double a, double x) =>
        x < a + 1 ? LowerSeries(a, x) : 1.0 - UpperContinuedFraction(a, x);

    private static double LowerSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    // Lentz's method for the continued fraction of Q(a, x).
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }

    // Lanczos approximation (g = 7, n = 9): about 15 significant digits for a > 0.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    internal static double LogGamma(double a)
    {
        var x = a - 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
