using Azure.Data.Tables;

namespace ReleaseWatch.Signals.Values;

/// <summary>
/// The value columns of a signal bucket row, beside its Count: ValueCount, ValueSum, ValueMin, ValueMax (readable in
/// Storage Explorer), ValueSkipped, ValueLast, ValueLastAt and ValueSketch (binary, <see cref="ValueSketchFormat"/>).
/// They change in the same ETag'd write as the replay marks and the count, so values are exactly-once as counts are.
/// A row without them (a count-only signal, or written before values existed) reads as no values.
/// </summary>
internal static class ValueColumns
{
    public static readonly string[] Names = ["ValueCount", "ValueSum", "ValueMin", "ValueMax", "ValueSkipped", "ValueLast", "ValueLastAt", "ValueSketch"];

    public static ValueStatistics Read(TableEntity row)
    {
        var statistics = new ValueStatistics
        {
            Sketch = row.GetBinary("ValueSketch") is { } bytes && ValueSketchFormat.TryRead(bytes, out var sketch) ? sketch : new ValueSketch(),
            Skipped = row.GetInt64("ValueSkipped") ?? 0,
            Last = row.GetDouble("ValueLast"),
            LastAt = row.GetDateTimeOffset("ValueLastAt"),
        };
        return statistics;
    }

    public static void Write(TableEntity row, ValueStatistics statistics)
    {
        var sketch = statistics.Sketch;
        row["ValueCount"] = sketch.Count;
        row["ValueSkipped"] = statistics.Skipped;
        row["ValueSketch"] = ValueSketchFormat.Write(sketch);
        if (!sketch.IsEmpty)
        {
            row["ValueSum"] = sketch.Sum;
            row["ValueMin"] = sketch.Min;
            row["ValueMax"] = sketch.Max;
        }

        if (statistics.Last is { } last && statistics.LastAt is { } at)
        {
            row["ValueLast"] = last;
            row["ValueLastAt"] = at;
        }
    }
}
