using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Tests.Signals.Values;

public sealed class ValueSketchFormatTests
{
    [Theory]
    [InlineData("lognormal page times", 1)]
    [InlineData("signed", 2)]
    [InlineData("with zeros", 3)]
    public void A_sketch_reads_back_from_its_stored_form_with_the_same_answers(string distribution, int seed)
    {
        var sketch = new ValueSketch();
        foreach (var value in ValueSketchTests.Sample(distribution, seed, 2_000))
        {
            sketch.Add(value);
        }

        Assert.True(ValueSketchFormat.TryRead(ValueSketchFormat.Write(sketch), out var copy));

        Assert.Equal((sketch.Count, sketch.ZeroCount, sketch.Sum, sketch.Min, sketch.Max), (copy.Count, copy.ZeroCount, copy.Sum, copy.Min, copy.Max));
        Assert.All(new[] { 0.0, 0.5, 0.9, 0.95, 0.99, 1.0 }, q => Assert.Equal(sketch.Quantile(q), copy.Quantile(q)));
    }

    [Fact]
    public void An_empty_sketch_round_trips()
    {
        Assert.True(ValueSketchFormat.TryRead(ValueSketchFormat.Write(new ValueSketch()), out var copy));
        Assert.True(copy.IsEmpty);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_truncation_and_every_single_corrupted_byte_is_refused_or_reads_a_consistent_sketch(int seed)
    {
        var sketch = new ValueSketch();
        foreach (var value in ValueSketchTests.Sample("heavy tail", seed, 300))
        {
            sketch.Add(value);
        }

        var bytes = ValueSketchFormat.Write(sketch);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(ValueSketchFormat.TryRead(bytes.AsSpan(0, length), out var empty), $"a form cut at {length} of {bytes.Length} bytes");
            Assert.True(empty.IsEmpty);
        }

        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[random.Next(corrupted.Length)] ^= (byte)random.Next(1, 256);
            if (ValueSketchFormat.TryRead(corrupted, out var read) && !read.IsEmpty)
            {
                // A flipped bit in a double may still read: the counts must still agree and answers stay in [min, max].
                Assert.InRange(read.Quantile(0.5)!.Value, read.Min, read.Max);
            }
        }
    }

    [Fact]
    public void A_form_of_an_unknown_version_is_refused()
    {
        var bytes = ValueSketchFormat.Write(new ValueSketch());
        bytes[0] = 2;

        Assert.False(ValueSketchFormat.TryRead(bytes, out _));
    }
}
