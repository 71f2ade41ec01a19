using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// One span's counts and its value in the metric's measure; Value is null when undefined (less than a minute captured,
/// zero denominator, no values): a rate over a few seconds is noise; a value measure's sample size is minSample's to judge. For a value measure Count is the number of values
/// (the sample) and Skipped the events whose value could not be read.
/// </summary>
internal sealed record MeasuredSpan(long Count, long? Denominator, double Minutes, double? Value, long Skipped = 0)
{
    public static MeasuredSpan Of(MetricMeasure measure, SignalWindow window, SignalWindow? denominator)
    {
        var count = window.Total;
        var minutes = (window.To - window.From).TotalMinutes;
        switch (measure)
        {
            case MetricMeasure.Count:
                return new(count, null, minutes, minutes >= 1 ? count : null);
            case MetricMeasure.PerMinute:
                return new(count, null, minutes, minutes >= 1 ? count / minutes : null);
            case var value when ValueMeasures.IsValue(value):
                return new(window.Values.Sketch.Count, null, minutes, minutes > 0 ? ValueMeasures.Of(value, window.Values) : null, window.Values.Skipped);
            default:
                if (denominator is null)
                {
                    throw new ArgumentException($"A ratio of {window.Signal} needs a denominator window.", nameof(denominator));
                }

                var total = denominator.Total;
                return new(count, total, minutes, total > 0 && minutes >= 1 ? (double)count / total : null);
        }
    }
}
