using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Backtest;

/// <summary>
/// A recording's events classified by the live classifier and counted per (signal, minute) in memory, each
/// (channel, replay id) once, as the bucket store counts them. Reads see only what had been received by
/// <see cref="AsOf"/>, so a judgement at a past instant sees what the live judge would have seen then.
/// </summary>
internal sealed class RecordedSignals : ISignalReader
{
    private readonly string _orgId;
    private readonly DateTimeOffset _end;
    private readonly List<(string Signal, DateTimeOffset Minute, DateTimeOffset ReceivedAt, DateTimeOffset OccurredAt, ValueReading? Value)> _counted = [];
    private readonly List<DateTimeOffset> _failuresReceived = [];
    private readonly HashSet<string> _signals = new(StringComparer.Ordinal);

    private RecordedSignals(string orgId, DateTimeOffset end)
    {
        _orgId = orgId;
        _end = end;
    }

    /// <summary>The instant reads are made at: later receipts are not seen yet.</summary>
    public DateTimeOffset AsOf { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>When failure signals arrived: each is a nudge to judge at once, as capture gives the live judge.</summary>
    public IReadOnlyList<DateTimeOffset> FailuresReceived => _failuresReceived;

    public IReadOnlyCollection<string> Signals => _signals;

    public static RecordedSignals Classify(Recording recording, SignalClassifier classifier)
    {
        var signals = new RecordedSignals(recording.OrgId, recording.End);
        var seen = new HashSet<(string, long)>();
        foreach (var recorded in recording.Messages.Where(m => m.OrgId == recording.OrgId))
        {
            if (StreamEvent.TryParse(recorded.Message, recorded.ReceivedAt) is not { } streamEvent
                || !seen.Add((streamEvent.Channel, streamEvent.ReplayId))
                || classifier.Classify(streamEvent) is not { } classified)
            {
                continue;
            }

            signals._signals.Add(classified.Signal);
            signals._counted.Add((classified.Signal, SignalKeys.MinuteStart(streamEvent.OccurredAt), recorded.ReceivedAt, streamEvent.OccurredAt, classified.Value));
            if (classified.Evidence is not null)
            {
                signals._failuresReceived.Add(recorded.ReceivedAt);
            }
        }

        return signals;
    }

    public Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var first = SignalKeys.MinuteStart(from);
        var counts = new SortedDictionary<DateTimeOffset, long>();
        var values = new ValueStatistics();
        foreach (var (counted, minute, receivedAt, occurredAt, value) in _counted)
        {
            if (orgId == _orgId && counted == signal && receivedAt <= AsOf && minute >= first && minute < to)
            {
                counts[minute] = counts.GetValueOrDefault(minute) + 1;
                if (value is { } reading)
                {
                    values.Add(reading, occurredAt);
                }
            }
        }

        // While the recording runs its stream reports connected, as a live subscriber does; past its end nothing is
        // known about the stream (no report), so such judgements are Inconclusive.
        IReadOnlyList<ChannelHealth> channels = AsOf <= _end ? [new ChannelHealth("recording", StreamState.Connected, null, AsOf, null, null, null)] : [];
        return Task.FromResult(new SignalWindow(orgId, signal, from, to, counts, channels, []) { Values = values });
    }
}
