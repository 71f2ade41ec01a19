namespace ReleaseWatch.Signals;

/// <summary>
/// How often one error (one <see cref="ErrorFingerprint"/>) occurred in a span: every occurrence counted, not the few
/// read as samples. <see cref="Type"/>, <see cref="Message"/> and <see cref="Source"/> are its newest occurrence's;
/// <see cref="Samples"/> holds up to a few of its newest records.
/// </summary>
public sealed record ErrorTally(
    string? Type,
    string? Message,
    string? Source,
    long Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    IReadOnlyList<SignalEvidence> Samples)
{
    /// <summary>The error's fingerprint (type and location, numbers and ids normalised).</summary>
    public ErrorFingerprint Fingerprint => ErrorFingerprint.Of(Type, Message, Source);

    /// <summary>"Type: Message", or whichever of them is known.</summary>
    public string Label => (Type, Message) switch
    {
        (null or "", null or "") => "(no message)",
        (null or "", _) => Message!,
        (_, null or "") => Type!,
        _ => $"{Type}: {Message}",
    };
}

/// <summary>
/// The errors of one signal over a span, most frequent first. <see cref="Counted"/> is how many occurrences were
/// counted; <see cref="Complete"/> is false when some could not be told apart (more distinct errors in a minute than a
/// store keeps by name) or the span held more than the reader's scan limit, so the counts are lower bounds ("at least").
/// </summary>
public sealed record ErrorTallies(IReadOnlyList<ErrorTally> Errors, long Counted, bool Complete)
{
    public static ErrorTallies None { get; } = new([], 0, true);

    /// <summary>Tallies kept evidence rows by fingerprint: newest samples first within each error.</summary>
    public static ErrorTallies Of(IEnumerable<SignalEvidence> rows, int maxErrors, int samplesPerError, bool complete)
    {
        var counted = 0L;
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            counted++;
            var key = ErrorFingerprint.Of(row).Key;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(row);
            }

            group.Add(row, samplesPerError);
        }

        var errors = groups.Values
            .Select(g => new ErrorTally(g.Latest.Type, g.Latest.Message, g.Latest.Source, g.Count, g.First, g.Last, Newest(g.Samples, samplesPerError)))
            .OrderByDescending(e => e.Count).ThenByDescending(e => e.LastAt).ThenBy(e => e.Label, StringComparer.Ordinal)
            .Take(maxErrors)
            .ToList();
        return new ErrorTallies(errors, counted, complete);
    }

    /// <summary>
    /// Tallies from counted totals per fingerprint key (every occurrence) and kept samples (a few of each): the counts are
    /// the totals, the label and newest samples come from the samples. A counted fingerprint without a sample reads "(no message)".
    /// </summary>
    internal static ErrorTallies FromCounts(IReadOnlyDictionary<string, FingerprintCount> totals, IEnumerable<SignalEvidence> samples, int maxErrors, int samplesPerError, bool complete)
    {
        var sampled = samples.GroupBy(s => ErrorFingerprint.Of(s).Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var errors = totals.Where(t => t.Value.Count > 0).Select(pair =>
            {
                var (key, total) = pair;
                var some = sampled.GetValueOrDefault(key) ?? [];
                var latest = some.OrderByDescending(s => (s.OccurredAt, s.ReplayId)).FirstOrDefault();
                var firstAt = some.Count > 0 ? some.Min(s => s.OccurredAt) : total.LastAt;
                return new ErrorTally(latest?.Type, latest?.Message, latest?.Source, total.Count, firstAt, total.LastAt, Newest(some, samplesPerError));
            })
            .OrderByDescending(e => e.Count).ThenByDescending(e => e.LastAt).ThenBy(e => e.Label, StringComparer.Ordinal)
            .Take(maxErrors)
            .ToList();
        return new ErrorTallies(errors, totals.Values.Sum(t => t.Count), complete);
    }

    private static List<SignalEvidence> Newest(IEnumerable<SignalEvidence> samples, int keep) =>
        [.. samples.OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.ReplayId).Take(keep)];

    private sealed class Group(SignalEvidence first)
    {
        public SignalEvidence Latest { get; private set; } = first;

        public long Count { get; private set; }

        public DateTimeOffset First { get; private set; } = first.OccurredAt;

        public DateTimeOffset Last { get; private set; } = first.OccurredAt;

        public List<SignalEvidence> Samples { get; private set; } = [];

        public void Add(SignalEvidence row, int samplesPerError)
        {
            Count++;
            Latest = (row.OccurredAt, row.ReplayId).CompareTo((Latest.OccurredAt, Latest.ReplayId)) > 0 ? row : Latest;
            First = row.OccurredAt < First ? row.OccurredAt : First;
            Last = row.OccurredAt > Last ? row.OccurredAt : Last;
            Samples.Add(row);
            if (Samples.Count > samplesPerError * 4)
            {
                // Bound memory: a frequent error keeps only its newest samples.
                Samples = Newest(Samples, samplesPerError);
            }
        }
    }
}
