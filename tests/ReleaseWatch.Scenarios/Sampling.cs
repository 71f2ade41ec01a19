namespace ReleaseWatch.Scenarios;

/// <summary>
/// The few distributions traffic is drawn from, on a seeded <see cref="Random"/> (its seeded algorithm is
/// fixed across .NET versions, so a seed always gives the same recording).
/// </summary>
internal static class Sampling
{
    public static double Uniform(this Random random, double from, double to) => from + (random.NextDouble() * (to - from));

    public static int Between(this Random random, int from, int toInclusive) => random.Next(from, toInclusive + 1);

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static TimeSpan Within(this Random random, TimeSpan from, TimeSpan to) =>
        TimeSpan.FromMilliseconds(random.Uniform(from.TotalMilliseconds, to.TotalMilliseconds));

    /// <summary>Exponential with the given mean: waiting times of a Poisson process.</summary>
    public static double Exponential(this Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    /// <summary>Log-normal around a median: delivery latencies (mostly short, a long tail).</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Poisson counts (Knuth's product method, split into chunks so large means stay exact).</summary>
    public static int Poisson(this Random random, double mean)
    {
        var count = 0;
        while (mean > 0)
        {
            var chunk = Math.Min(mean, 30);
            mean -= chunk;
            var limit = Math.Exp(-chunk);
            var product = random.NextDouble();
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }
        }

        return count;
    }

    /// <summary>
    /// Gamma with mean 1 and the given shape (Marsaglia and Tsang; shape below 1 boosted): the intensity of one
    /// traffic episode. Small shapes make bursty, overdispersed counts (a gamma-Poisson mixture is negative binomial).
    /// </summary>
    public static double GammaMeanOne(this Random random, double shape)
    {
        if (shape < 1)
        {
            return random.GammaMeanOne(shape + 1) * (shape + 1) / shape * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v / shape;
            }
        }
    }
}
