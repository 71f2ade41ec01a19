using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Signals;

/// <summary>
/// Counts events into an org's minute rows, exactly once: an event (channel, replay id) adds to a row only when its
/// replay id is above the highest the row has counted from that channel (Salesforce orders replay ids per channel;
/// within one batch they are taken in ascending order whatever the delivery order). A counted failure event adds to its
/// fingerprint's count, and only the first <c>samplesPerFingerprint</c> of a fingerprint in a minute are kept as
/// evidence. Pure: the rows in, the changed rows and the samples out.
/// </summary>
internal static class SignalMerge
{
    public static SignalMergeResult Apply(
        Dictionary<DateTimeOffset, List<SignalMinuteRow>> rows, IEnumerable<SignalOccurrence> occurrences, IEnumerable<SignalEvidence> evidence, int samplesPerFingerprint)
    {
        var evidenceOf = new Dictionary<(string Signal, string Channel, long ReplayId), SignalEvidence>();
        foreach (var item in evidence)
        {
            evidenceOf.TryAdd((item.Signal, item.Channel, item.ReplayId), item);
        }

        var changed = new HashSet<SignalMinuteRow>();
        var samples = new List<SignalEvidence>();
        foreach (var minute in occurrences.GroupBy(o => SignalKeys.MinuteStart(o.OccurredAt)))
        {
            if (!rows.TryGetValue(minute.Key, out var chunks))
            {
                rows[minute.Key] = chunks = [];
            }

            var events = minute.GroupBy(o => (o.Channel, o.ReplayId)).OrderBy(e => e.Key.ReplayId);
            foreach (var @event in events)
            {
                var placed = @event.DistinctBy(o => o.Signal).Select(o => (Occurrence: o, Row: RowFor(chunks, minute.Key, o))).ToList();
                var fresh = placed.Select(p => p.Row).Distinct()
                    .Where(row => @event.Key.ReplayId > row.Marks.GetValueOrDefault(@event.Key.Channel, long.MinValue))
                    .ToHashSet();
                foreach (var (occurrence, row) in placed.Where(p => fresh.Contains(p.Row)))
                {
                    var cell = row.Cell(occurrence.Signal);
                    cell.Count++;
                    if (occurrence.Value is { } reading)
                    {
                        (cell.Values ??= new ValueStatistics()).Add(reading, occurrence.OccurredAt);
                    }

                    if (evidenceOf.TryGetValue((occurrence.Signal, occurrence.Channel, occurrence.ReplayId), out var item)
                        && cell.CountFingerprint(ErrorFingerprint.Of(item).Key, item.OccurredAt) <= samplesPerFingerprint)
                    {
                        samples.Add(item);
                    }
                }

                foreach (var row in fresh)
                {
                    row.Marks[@event.Key.Channel] = @event.Key.ReplayId;
                    changed.Add(row);
                }
            }
        }

        return new SignalMergeResult([.. changed], samples);
    }

    /// <summary>The chunk that holds the signal, else the first with room, else a new one.</summary>
    private static SignalMinuteRow RowFor(List<SignalMinuteRow> chunks, DateTimeOffset minute, SignalOccurrence occurrence)
    {
        var row = chunks.FirstOrDefault(c => c.Cells.ContainsKey(occurrence.Signal))
            ?? chunks.FirstOrDefault(c => c.CanTake(occurrence.Value is null ? null : ValueStatistics.Empty));
        if (row is null)
        {
            row = SignalMinuteRow.New(minute, chunks.Count == 0 ? 0 : chunks.Max(c => c.Chunk) + 1);
            chunks.Add(row);
        }

        row.Cell(occurrence.Signal);
        return row;
    }
}

/// <summary>The rows a merge changed and the evidence it keeps as samples.</summary>
internal sealed record SignalMergeResult(IReadOnlyList<SignalMinuteRow> Changed, IReadOnlyList<SignalEvidence> Samples);
