using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Signals;

/// <summary>
/// An org's minute rows over [From, To) as one range query read them, with its streams' reports and gaps: windows of any
/// signal inside the span are cut from it without another request; a window outside it is read from the store.
/// </summary>
internal sealed class SignalMinutes(
    string orgId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SignalMinuteRow> rows, IReadOnlyList<ChannelHealth> channels, IReadOnlyList<SignalGap> gaps,
    StreamStateStore streams, ISignalReader store) : ISignalRange
{
    public Task<SignalWindow> ReadAsync(string signal, DateTimeOffset windowFrom, DateTimeOffset windowTo, CancellationToken cancellationToken) =>
        SignalKeys.MinuteStart(windowFrom) < SignalKeys.MinuteStart(from) || windowTo > to
            ? store.ReadAsync(orgId, signal, windowFrom, windowTo, cancellationToken)
            : Task.FromResult(Window(signal, windowFrom, windowTo));

    public SignalWindow Window(string signal, DateTimeOffset windowFrom, DateTimeOffset windowTo)
    {
        var counts = new SortedDictionary<DateTimeOffset, long>();
        var values = new ValueStatistics();
        var first = SignalKeys.MinuteStart(windowFrom);
        foreach (var row in rows)
        {
            if (row.Minute >= first && row.Minute < windowTo && row.Cells.TryGetValue(signal, out var cell) && cell.Count > 0)
            {
                counts[row.Minute] = counts.GetValueOrDefault(row.Minute) + cell.Count;
                if (cell.Values is { } cellValues)
                {
                    values.Merge(cellValues);
                }
            }
        }

        var (feeding, feedingGaps) = streams.Sources(orgId, signal, channels, gaps, windowFrom, windowTo);
        return new SignalWindow(orgId, signal, windowFrom, windowTo, counts, feeding, feedingGaps) { Values = values };
    }
}
