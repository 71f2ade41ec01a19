using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches;

/// <summary>
/// Which minutes a check looks at. Windows are whole minutes (signals are counted per minute); the
/// current minute counts as far as it has been captured, so a burst is seen at once rather than a
/// minute later. The baseline is the same span of minutes before the deployment.
/// </summary>
public static class JudgementWindows
{
    public static (DateTimeOffset From, DateTimeOffset To) Observed(WatchState state, Policy policy, MetricPolicy metric, DateTimeOffset checkedAt)
    {
        var to = FloorMinute(checkedAt).AddMinutes(1);
        var warmupEnd = FloorMinute(state.Anchor + policy.Warmup);
        var lookback = metric.Lookback ?? (metric.Measure == MetricMeasure.Count ? to - warmupEnd : policy.Interval);
        var minutes = Math.Max(1, (int)Math.Ceiling(lookback.TotalMinutes));
        var from = to.AddMinutes(-minutes);
        return (from < warmupEnd && warmupEnd < to ? warmupEnd : from, to);
    }

    public static (DateTimeOffset From, DateTimeOffset To) Baseline(WatchState state, Policy policy)
    {
        var to = FloorMinute(state.Anchor);
        return (to - policy.BaselineWindow, to);
    }

    public static DateTimeOffset FloorMinute(DateTimeOffset at) =>
        new(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
