using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging.Assessment;

/// <summary>
/// The lookbacks: which span a check looks at. Signals are counted per minute; the span ends at the check and
/// starts whole minutes before the current one, so a rate is taken over at least the lookback plus the part of the
/// current minute captured so far: a burst is seen at once, and a check early in a minute does not mistake a
/// steady failure for a recovery. The lookback is the metric's, else the interval (perMinute, ratio), else the
/// whole watch after warm-up (count). The baseline is the policy's baseline window of minutes before the deployment.
/// </summary>
internal static class CheckSpans
{
    /// <param name="anchor">The instant the watch's window is measured from (the deployment's completion).</param>
    public static (DateTimeOffset From, DateTimeOffset To) Observed(Policy policy, MetricPolicy metric, DateTimeOffset anchor, DateTimeOffset checkedAt)
    {
        var minuteStart = SignalKeys.MinuteStart(checkedAt);
        var warmupEnd = SignalKeys.MinuteStart(anchor + policy.Warmup);
        var lookback = metric.Lookback ?? (metric.Measure == MetricMeasure.Count ? minuteStart.AddMinutes(1) - warmupEnd : policy.Interval);
        var minutes = Math.Max(1, (int)Math.Ceiling(lookback.TotalMinutes));
        var from = minuteStart.AddMinutes(-minutes);
        from = from < warmupEnd && warmupEnd <= checkedAt ? warmupEnd : from;
        // Right after warm-up less than a minute has passed: the first minute is judged as a whole one.
        return checkedAt - from < TimeSpan.FromMinutes(1) ? (from, minuteStart.AddMinutes(1)) : (from, checkedAt);
    }

    public static (DateTimeOffset From, DateTimeOffset To) Baseline(Policy policy, DateTimeOffset anchor)
    {
        var to = SignalKeys.MinuteStart(anchor);
        return (to - policy.BaselineWindow, to);
    }
}
