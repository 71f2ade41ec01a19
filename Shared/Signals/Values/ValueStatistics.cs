namespace ReleaseWatch.Signals.Values;

/// <summary>
/// The values of one signal over a span: the sketch (count, sum, min, max, quantiles), how many events carried no
/// usable value (skipped), and the latest value with its time (a gauge's "last"). One minute's bucket holds one;
/// a window's is the merge of its minutes', in any order.
/// </summary>
public sealed class ValueStatistics
{
    public ValueSketch Sketch { get; init; } = new();

    /// <summary>Events of the signal whose value was missing, null, non-numeric or flagged: counted, not measured.</summary>
    public long Skipped { get; set; }

    /// <summary>The value of the latest event (by event time, then order of arrival), or null when none had one.</summary>
    public double? Last { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public static ValueStatistics Empty => new();

    public void Add(ValueReading reading, DateTimeOffset at)
    {
        if (reading.Number is not { } number)
        {
            Skipped++;
            return;
        }

        Sketch.Add(number);
        if (LastAt is null || at >= LastAt)
        {
            Last = number;
            LastAt = at;
        }
    }

    public void Merge(ValueStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Sketch.Merge(other.Sketch);
        Skipped += other.Skipped;
        if (other.LastAt is { } at && (LastAt is null || at > LastAt))
        {
            Last = other.Last;
            LastAt = at;
        }
    }

    public static ValueStatistics MergeAll(IEnumerable<ValueStatistics> minutes)
    {
        var merged = new ValueStatistics();
        foreach (var minute in minutes)
        {
            merged.Merge(minute);
        }

        return merged;
    }
}
