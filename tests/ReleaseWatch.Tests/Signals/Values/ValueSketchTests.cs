using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Tests.Signals.Values;

public sealed class ValueSketchTests
{
    private static readonly double[] Quantiles = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

    public static TheoryData<string, int> Distributions => new()
    {
        { "lognormal page times", 1 }, { "lognormal page times", 2 }, { "uniform", 3 }, { "heavy tail", 4 }, { "signed", 5 }, { "with zeros", 6 },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Every_quantile_is_within_one_percent_of_the_exact_value_of_its_rank(string distribution, int seed)
    {
        var values = Sample(distribution, seed, 5_000);
        var sketch = Sketch(values);
        var sorted = values.Order().ToArray();

        foreach (var q in Quantiles)
        {
            var exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))];
            var estimate = sketch.Quantile(q)!.Value;
            Assert.True(Math.Abs(estimate - exact) <= (ValueSketch.RelativeAccuracy * Math.Abs(exact)) + 1e-9,
                $"{distribution} seed {seed}: q{q} estimated {estimate}, exact {exact}");
        }

        Assert.Equal(sorted[0], sketch.Quantile(0));
        Assert.Equal(sorted[^1], sketch.Quantile(1));
        Assert.Equal(values.Length, sketch.Count);
        Assert.Equal(values.Sum(), sketch.Sum, 6);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Merging_is_associative_and_commutative_so_minutes_merge_in_any_order(int seed)
    {
        var random = new Random(seed);
        var parts = Enumerable.Range(0, 3).Select(_ => Sample("heavy tail", random.Next(), random.Next(1, 400))).ToArray();
        var (a, b, c) = (parts[0], parts[1], parts[2]);

        var left = Merged(Merged(Sketch(a), Sketch(b)), Sketch(c));
        var right = Merged(Sketch(a), Merged(Sketch(b), Sketch(c)));
        var reversed = Merged(Merged(Sketch(c), Sketch(b)), Sketch(a));
        var whole = Sketch([.. a, .. b, .. c]);

        foreach (var other in new[] { right, reversed, whole })
        {
            Assert.Equal(ValueSketchFormat.Write(Normalised(left)), ValueSketchFormat.Write(Normalised(other)));
            Assert.Equal(left.Sum, other.Sum, 6);
            Assert.All(Quantiles, q => Assert.Equal(left.Quantile(q), other.Quantile(q)));
        }
    }

    [Fact]
    public void Values_spanning_every_magnitude_keep_the_bins_bounded_and_the_tail_precise()
    {
        var random = new Random(21);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Pow(10, (random.NextDouble() * 300) - 8)).ToArray();
        var sketch = Sketch(values);
        var sorted = values.Order().ToArray();

        Assert.True(ValueSketchFormat.Write(sketch).Length < 64 * 1024, "the stored form fits a Table Storage binary property");
        var exact = sorted[(int)Math.Floor(0.99 * (sorted.Length - 1))];
        Assert.InRange(sketch.Quantile(0.99)!.Value, exact * (1 - ValueSketch.RelativeAccuracy), exact * (1 + ValueSketch.RelativeAccuracy));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_value_that_is_not_finite_is_refused_and_leaves_the_sketch_as_it_was(double value)
    {
        var sketch = Sketch([1, 2, 3]);

        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(value));
        Assert.Equal(3, sketch.Count);
        Assert.Equal(3, sketch.Max);
    }

    [Fact]
    public void An_empty_sketch_has_no_quantile_and_no_mean()
    {
        var sketch = new ValueSketch();

        Assert.Null(sketch.Quantile(0.5));
        Assert.Null(sketch.Mean);
    }

    private static ValueSketch Sketch(IEnumerable<double> values)
    {
        var sketch = new ValueSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    private static ValueSketch Merged(ValueSketch first, ValueSketch second)
    {
        var merged = new ValueSketch();
        merged.Merge(first);
        merged.Merge(second);
        return merged;
    }

    /// <summary>The same bins and counts with the sum zeroed: floating-point sums differ in their last bits by grouping.</summary>
    private static ValueSketch Normalised(ValueSketch sketch)
    {
        Assert.True(ValueSketchFormat.TryRead(ValueSketchFormat.Write(sketch), out var copy));
        copy.Sum = 0;
        return copy;
    }

    internal static double[] Sample(string distribution, int seed, int count)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, count).Select(_ => distribution switch
        {
            "lognormal page times" => Math.Exp(7 + (0.6 * Normal())),
            "uniform" => random.NextDouble() * 10_000,
            "heavy tail" => 50 / Math.Pow(1 - random.NextDouble(), 1.5),
            "signed" => Normal() * 300,
            _ => random.Next(4) == 0 ? 0 : random.NextDouble() * 100,
        })];
    }
}
