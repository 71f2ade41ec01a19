using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class JudgingWindowTests
{
    private static readonly Policy Policy = new() { Name = "p", Warmup = TimeSpan.FromMinutes(2), BaselineWindow = TimeSpan.FromMinutes(60) };

    // Deployed at 10:00:30; minutes and seconds of "now" after 10:00.
    [Theory]
    [InlineData(MetricMeasure.PerMinute, null, "10:05:20", "10:04", "10:05")]   // lookback = interval (1 min)
    [InlineData(MetricMeasure.PerMinute, 10, "10:05:20", "10:03", "10:05")]     // never before warm-up ends (10:02:30 -> 10:03)
    [InlineData(MetricMeasure.Count, null, "10:20:00", "10:03", "10:20")]       // count: the whole watch so far
    [InlineData(MetricMeasure.PerMinute, null, "10:03:10", "10:03", "10:03")]   // no whole minute yet: empty
    public void For_uses_whole_minutes_after_warmup_and_the_metrics_lookback(MetricMeasure measure, int? lookbackMinutes, string now, string from, string to)
    {
        var metric = Some.Metric(new MetricRule { Above = 1 }, measure) with
        {
            Lookback = lookbackMinutes is null ? null : TimeSpan.FromMinutes(lookbackMinutes.Value),
        };
        var deployedAt = Some.DeployedAt.AddSeconds(30);

        var window = JudgingWindow.For(Policy, metric, deployedAt, At(now));

        Assert.Equal((At(from), At(to)), (window.ObservedFrom, window.ObservedTo));
        Assert.Equal((At("09:00"), At("10:00")), (window.BaselineFrom, window.BaselineTo));
    }

    private static DateTimeOffset At(string time) =>
        new(Some.DeployedAt.Date + TimeSpan.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
