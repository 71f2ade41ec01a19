using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// One span's counts and its value in the metric's measure; Value is null when undefined (less than a minute captured,
/// zero denominator, no values): a rate over a few seconds is noise; a value measure's sample size is minSample's to judge. For a value measure Count is the number of values
/// (the sample) and Skipped the events whose value could not be read.
/// A span may start inside a minute (warm-up ends to the second): that first bucket also holds events from before the
/// span, which cannot be told apart. So the span is measured both ways: <see cref="Count"/> and <see cref="Value"/>
/// leave that bucket out (the events surely in the span: rises are judged on them, so no warm-up event can fail a
/// rise), <see cref="Upper"/> and <see cref="UpperValue"/> keep it (every event possibly in the span: drops are judged
/// on them, so no event after warm-up is missed). For a span starting on a minute both are the same.
/// </summary>
internal sealed record MeasuredSpan(long Count, long? Denominator, double Minutes, double? Value, long Skipped = 0)
{
    /// <summary>Events possibly in the span (the partial first bucket included); Count when the span starts on a minute.</summary>
    public long Upper { get; init; } = Count;

    /// <summary>The measure over <see cref="Upper"/>: the value a drop is judged on.</summary>
    public double? UpperValue { get; init; } = Value;

    public static MeasuredSpan Of(MetricMeasure measure, SignalWindow window, SignalWindow? denominator)
    {
        var all = window.Total;
        var count = all - Head(window);
        var minutes = (window.To - window.From).TotalMinutes;
        switch (measure)
        {
            case MetricMeasure.Count:
                return new(count, null, minutes, minutes >= 1 ? count : null) { Upper = all, UpperValue = minutes >= 1 ? all : null };
            case MetricMeasure.PerMinute:
                return new(count, null, minutes, minutes >= 1 ? count / minutes : null) { Upper = all, UpperValue = minutes >= 1 ? all / minutes : null };
            case var value when ValueMeasures.IsValue(value):
                // A bucket's values are merged sketches: they cannot be split, so a value measure reads whole buckets.
                return new(window.Values.Sketch.Count, null, minutes, minutes > 0 ? ValueMeasures.Of(value, window.Values) : null, window.Values.Skipped);
            default:
                if (denominator is null)
                {
                    throw new ArgumentException($"A ratio of {window.Signal} needs a denominator window.", nameof(denominator));
                }

                var total = denominator.Total - Head(denominator);
                return new(count, total, minutes, total > 0 && minutes >= 1 ? (double)count / total : null);
        }
    }

    /// <summary>The count of the bucket the span starts inside of (zero when it starts on a minute).</summary>
    private static long Head(SignalWindow window)
    {
        var minute = SignalKeys.MinuteStart(window.From);
        return minute == window.From ? 0 : window.CountsByMinute.GetValueOrDefault(minute);
    }
}
