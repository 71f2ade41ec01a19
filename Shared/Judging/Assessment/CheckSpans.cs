using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging.Assessment;

/// <summary>
/// The lookbacks: which span a check looks at. Signals are counted per minute; the span ends at the check and
/// starts whole minutes before the current one, so a rate is taken over the lookback plus the part of the current
/// minute captured so far, as that many minutes and seconds (a partial minute counts as a partial minute): a burst
/// is seen at once, and a check early in a minute does not mistake a steady failure for a recovery. Judging starts
/// at the minute in which warm-up ends (<see cref="JudgedFrom"/>; buckets cannot be split). Right after it, with less
/// than a minute captured, the span is that first whole minute: a rise is then measured conservatively, and the judge
/// leaves drop conditions out (a partial minute never fails a drop). The lookback is the metric's, else the
/// interval (perMinute, ratio), else the whole watch after warm-up (count). The baseline is the policy's baseline
/// window of minutes before the deployment.
/// </summary>
internal static class CheckSpans
{
    /// <summary>How far back a check looks at a stream's traffic to call it silent.</summary>
    public static readonly TimeSpan TrafficLookback = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How far back a check looks at a sparse stream's traffic (a log that carries an event a minute): three minutes of
    /// nothing from it is chance, fifteen is not.
    /// </summary>
    public static readonly TimeSpan LongTrafficLookback = TimeSpan.FromMinutes(15);

    /// <summary>The first instant judged: the start of the minute in which warm-up ends.</summary>
    public static DateTimeOffset JudgedFrom(Policy policy, DateTimeOffset anchor) => SignalKeys.MinuteStart(anchor + policy.Warmup);

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
        return checkedAt - from < TimeSpan.FromMinutes(1) ? (from, minuteStart.AddMinutes(1)) : (from, checkedAt);
    }

    public static (DateTimeOffset From, DateTimeOffset To) Baseline(Policy policy, DateTimeOffset anchor)
    {
        var to = SignalKeys.MinuteStart(anchor);
        return (to - policy.BaselineWindow, to);
    }
}
