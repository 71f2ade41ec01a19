using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging.Assessment;

/// <summary>
/// The lookbacks: which span a check looks at. Signals are counted per minute; the span ends at the check and
/// starts whole minutes before the current one, so a rate is taken over the lookback plus the part of the current
/// minute captured so far, as that many minutes and seconds (a partial minute counts as a partial minute): a burst
/// is seen at once, and a check early in a minute does not mistake a steady failure for a recovery. Warm-up ends to
/// the second: judging starts at deployment + warm-up exactly (<see cref="JudgedFrom"/>), and the first check comes
/// when a whole minute after it is captured (<see cref="FirstCheck"/>; one interval, for intervals shorter than a
/// minute: such checks measure the minute from warm-up's end as far as it is captured, a rise conservatively and a
/// drop not at all, so a partial minute never fails a rate rule). The
/// minute in which warm-up ends is shared by warm-up and judged events; <see cref="MeasuredSpan"/> leaves it out of
/// rises and keeps it in drops. The lookback is the metric's, else the interval (perMinute, ratio), else the whole
/// watch after warm-up (count). The baseline is the policy's baseline window of minutes before the deployment.
/// </summary>
internal static class CheckSpans
{
    /// <summary>How far back a check looks at a stream's traffic to call it silent.</summary>
    public static readonly TimeSpan TrafficLookback = TimeSpan.FromMinutes(3);

    /// <summary>The first instant judged: the end of warm-up, to the second.</summary>
    public static DateTimeOffset JudgedFrom(Policy policy, DateTimeOffset anchor) => anchor + policy.Warmup;

    /// <summary>When the first check is due: once a whole minute after warm-up is captured (one interval, for a shorter interval).</summary>
    public static DateTimeOffset FirstCheck(Policy policy, DateTimeOffset anchor) =>
        JudgedFrom(policy, anchor) + (policy.Interval < TimeSpan.FromMinutes(1) ? policy.Interval : TimeSpan.FromMinutes(1));

    /// <param name="anchor">The instant the watch's window is measured from (the deployment's completion).</param>
    public static (DateTimeOffset From, DateTimeOffset To) Observed(Policy policy, MetricPolicy metric, DateTimeOffset anchor, DateTimeOffset checkedAt) =>
        Recent(policy, anchor, checkedAt, metric.Lookback ?? (metric.Measure == MetricMeasure.Count ? checkedAt - JudgedFrom(policy, anchor) : policy.Interval));

    /// <summary>The span of <paramref name="lookback"/> whole minutes before the check's minute, after warm-up, to the check.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Recent(Policy policy, DateTimeOffset anchor, DateTimeOffset checkedAt, TimeSpan lookback)
    {
        var minuteStart = SignalKeys.MinuteStart(checkedAt);
        var judgedFrom = JudgedFrom(policy, anchor);
        var minutes = Math.Max(1, (int)Math.Ceiling(lookback.TotalMinutes));
        var from = minuteStart.AddMinutes(-minutes);
        from = from < judgedFrom && judgedFrom <= checkedAt ? judgedFrom : from;
        // Less than a minute after warm-up (an interval shorter than a minute): the minute from warm-up's end, still arriving.
        return checkedAt - from < TimeSpan.FromMinutes(1) ? (from, from.AddMinutes(1)) : (from, checkedAt);
    }

    public static (DateTimeOffset From, DateTimeOffset To) Baseline(Policy policy, DateTimeOffset anchor)
    {
        var to = SignalKeys.MinuteStart(anchor);
        return (to - policy.BaselineWindow, to);
    }
}
