using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Tests.Salesforce;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void Next_grows_from_the_first_delay_to_the_maximum_with_jitter_and_is_never_zero()
    {
        var backoff = CreateSut(seed: 3);

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToList();

        for (var i = 0; i < delays.Count; i++)
        {
            var step = TimeSpan.FromTicks(Math.Min(First.Ticks << Math.Min(i, 20), Max.Ticks));
            Assert.InRange(delays[i], step / 2, step);
        }

        Assert.Equal(12, backoff.Failures);
        Assert.All(CreateSut(seed: 0, first: TimeSpan.FromTicks(1)).NextMany(5), d => Assert.True(d > TimeSpan.Zero));
    }

    [Fact]
    public void Next_after_Reset_waits_the_first_delay_again()
    {
        var backoff = CreateSut(seed: 5);
        backoff.NextMany(10);

        backoff.Reset();

        Assert.InRange(backoff.Next(), First / 2, First);
        Assert.Equal(1, backoff.Failures);
    }

    [Fact]
    public void Next_waits_at_least_the_interval_the_server_advised()
    {
        var backoff = CreateSut(seed: 7);

        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Next(TimeSpan.FromSeconds(5)));
        Assert.InRange(backoff.Next(TimeSpan.Zero), First, First * 2);
    }

    private static ReconnectBackoff CreateSut(int seed, TimeSpan? first = null) => new(first ?? First, Max, new Random(seed));
}

internal static class ReconnectBackoffExtensions
{
    public static List<TimeSpan> NextMany(this ReconnectBackoff backoff, int count) => [.. Enumerable.Range(0, count).Select(_ => backoff.Next())];
}
