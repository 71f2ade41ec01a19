using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches;

/// <summary>
/// Which span a check looks at. Signals are counted per minute; the span ends at the check and starts whole
/// minutes before the current one, so a rate is taken over at least the lookback plus the part of the
/// current minute captured so far: a burst is seen at once, and a check early in a minute does not mistake
/// a steady failure for a recovery. The baseline is the same span of minutes before the deployment.
/// </summary>
public static class JudgementWindows
{
    public static (DateTimeOffset From, DateTimeOffset To) Observed(WatchState state, Policy policy, MetricPolicy metric, DateTimeOffset checkedAt)
    {
        var minuteStart = FloorMinute(checkedAt);
        var warmupEnd = FloorMinute(state.Anchor + policy.Warmup);
        var lookback = metric.Lookback ?? (metric.Measure == MetricMeasure.Count ? minuteStart.AddMinutes(1) - warmupEnd : policy.Interval);
        var minutes = Math.Max(1, (int)Math.Ceiling(lookback.TotalMinutes));
        var from = minuteStart.AddMinutes(-minutes);
        from = from < warmupEnd && warmupEnd <= checkedAt ? warmupEnd : from;
        // Right after warm-up less than a minute has passed: the first minute is judged as a whole one.
        return checkedAt - from < TimeSpan.FromMinutes(1) ? (from, minuteStart.AddMinutes(1)) : (from, checkedAt);
    }

    public static (DateTimeOffset From, DateTimeOffset To) Baseline(WatchState state, Policy policy)
    {
        var to = FloorMinute(state.Anchor);
        return (to - policy.BaselineWindow, to);
    }

    public static DateTimeOffset FloorMinute(DateTimeOffset at) =>
        new(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
