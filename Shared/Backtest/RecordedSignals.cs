using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Backtest;

/// <summary>
/// A recording's events classified by the live classifier and counted per (signal, minute) in memory, each
/// (channel, replay id) once, as the bucket store counts them. Reads see only what had been received by
/// <see cref="AsOf"/>, so a judgement at a past instant sees what the live judge would have seen then. Failure
/// events keep their evidence, as capture keeps it, for error tallies (new error fingerprints).
/// </summary>
internal sealed class RecordedSignals : ISignalReader, ISignalFamilies, ISignalEvidenceReader
{
    private readonly string _orgId;
    private readonly DateTimeOffset _end;
    // Per signal, each counted event's minute and receipt, sorted by minute: a read is a range of one list.
    private readonly Dictionary<string, List<(DateTimeOffset Minute, DateTimeOffset ReceivedAt, DateTimeOffset OccurredAt, ValueReading? Value)>> _counted = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _failuresReceived = [];
    private readonly List<(SignalEvidence Evidence, DateTimeOffset ReceivedAt)> _evidence = [];
    private readonly HashSet<string> _signals = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _channels = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<SignalRuleOptions> _rules;
    private readonly Dictionary<string, List<string>> _feeding = new(StringComparer.Ordinal);

    private RecordedSignals(string orgId, DateTimeOffset end, IReadOnlyList<SignalRuleOptions> rules)
    {
        _orgId = orgId;
        _end = end;
        _rules = rules;
    }

    /// <summary>The instant reads are made at: later receipts are not seen yet.</summary>
    public DateTimeOffset AsOf { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>When failure signals arrived: each is a nudge to judge at once, as capture gives the live judge.</summary>
    public IReadOnlyList<DateTimeOffset> FailuresReceived => _failuresReceived;

    public IReadOnlyCollection<string> Signals => _signals;

    public static RecordedSignals Classify(Recording recording, SignalClassifier classifier)
    {
        var signals = new RecordedSignals(recording.OrgId, recording.End, classifier.Rules);
        var seen = new HashSet<(string, long)>();
        foreach (var recorded in recording.Messages.Where(m => m.OrgId == recording.OrgId))
        {
            if (StreamEvent.TryParse(recorded.Message, recorded.ReceivedAt) is not { } streamEvent
                || !seen.Add((streamEvent.Channel, streamEvent.ReplayId)))
            {
                continue;
            }

            var traffic = ChannelTraffic.Signal(streamEvent.Channel);
            signals._channels.Add(streamEvent.Channel);
            signals._signals.Add(traffic);
            signals.Count(traffic, streamEvent.OccurredAt, recorded.ReceivedAt, null);
            if (classifier.Classify(streamEvent) is not { } classified)
            {
                continue;
            }

            signals._signals.Add(classified.Signal);
            signals.Count(classified.Signal, streamEvent.OccurredAt, recorded.ReceivedAt, classified.Value);
            if (classified.Evidence is not null)
            {
                signals._failuresReceived.Add(recorded.ReceivedAt);
                signals._evidence.Add((classified.Evidence, recorded.ReceivedAt));
            }
        }

        foreach (var counted in signals._counted.Values)
        {
            counted.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        }

        return signals;
    }

    public Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var first = SignalKeys.MinuteStart(from);
        var counts = new SortedDictionary<DateTimeOffset, long>();
        var values = new ValueStatistics();
        var events = orgId == _orgId ? _counted.GetValueOrDefault(signal) ?? [] : [];
        var start = LowerBound(events, first);
        for (var i = start; i < events.Count && events[i].Minute < to; i++)
        {
            if (events[i].ReceivedAt <= AsOf)
            {
                counts[events[i].Minute] = counts.GetValueOrDefault(events[i].Minute) + 1;
                if (events[i].Value is { } reading)
                {
                    values.Add(reading, events[i].OccurredAt);
                }
            }
        }

        // While the recording runs its streams report connected, as a live subscriber does; past its end nothing is
        // known about them (no report), so such judgements are Inconclusive. As live, a signal is judged on the streams
        // that can feed it, or on all of them when none can.
        if (!_feeding.TryGetValue(signal, out var feeding))
        {
            feeding = [.. _channels.Where(c => _rules.Any(r => SignalClassifier.CouldName(r, c, signal)))];
            _feeding[signal] = feeding;
        }

        IReadOnlyList<ChannelHealth> channels = AsOf <= _end
            ? [.. (feeding.Count > 0 ? feeding : [.. _channels]).Select(c => new ChannelHealth(c, StreamState.Connected, null, AsOf, null, null, null))]
            : [];
        return Task.FromResult(new SignalWindow(orgId, signal, from, to, counts, channels, []) { Values = values });
    }

    public Task<IReadOnlyList<SignalEvidence>> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SignalEvidence>>([.. Evidence(orgId, signal, from, to).OrderByDescending(e => e.OccurredAt).Take(max)]);

    /// <summary>Tallies the evidence received by <see cref="AsOf"/>: every recorded failure counted, as the live store's per-fingerprint counts do.</summary>
    public Task<ErrorTallies> TallyAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int maxErrors, CancellationToken cancellationToken) =>
        Task.FromResult(ErrorTallies.Of(Evidence(orgId, signal, from, to), maxErrors, samplesPerError: 3, complete: true));

    private IEnumerable<SignalEvidence> Evidence(string orgId, string signal, DateTimeOffset from, DateTimeOffset to) => orgId != _orgId
        ? []
        : _evidence.Where(e => e.Evidence.Signal == signal && e.Evidence.OccurredAt >= from && e.Evidence.OccurredAt < to && e.ReceivedAt <= AsOf).Select(e => e.Evidence);

    /// <summary>The recorded signals (traffic included) that match the family.</summary>
    public IReadOnlyList<string> Members(string orgId, string pattern) =>
        orgId == _orgId ? [.. _signals.Where(s => ISignalFamilies.Matches(pattern, s)).Order(StringComparer.Ordinal)] : [];

    private static int LowerBound(List<(DateTimeOffset Minute, DateTimeOffset ReceivedAt, DateTimeOffset OccurredAt, ValueReading? Value)> events, DateTimeOffset minute)
    {
        var (low, high) = (0, events.Count);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = events[mid].Minute < minute ? (mid + 1, high) : (low, mid);
        }

        return low;
    }

    private void Count(string signal, DateTimeOffset occurredAt, DateTimeOffset receivedAt, ValueReading? value)
    {
        if (!_counted.TryGetValue(signal, out var events))
        {
            events = [];
            _counted[signal] = events;
        }

        events.Add((SignalKeys.MinuteStart(occurredAt), receivedAt, occurredAt, value));
    }
}
