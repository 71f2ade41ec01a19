namespace ReleaseWatch.Signals;

/// <summary>
/// How often one error (exception type + message + source) occurred in a span: every kept evidence row counted,
/// not the few read as samples. <see cref="Samples"/> holds up to a few of its newest records.
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
/// The errors of one signal over a span, most frequent first. <see cref="Counted"/> is how many evidence rows were
/// counted; <see cref="Complete"/> is false when the span held more than the reader's scan limit, so the counts are
/// lower bounds ("at least").
/// </summary>
public sealed record ErrorTallies(IReadOnlyList<ErrorTally> Errors, long Counted, bool Complete)
{
    public static ErrorTallies None { get; } = new([], 0, true);

    /// <summary>Tallies kept evidence rows by (type, message, source): newest samples first within each error.</summary>
    public static ErrorTallies Of(IEnumerable<SignalEvidence> rows, int maxErrors, int samplesPerError, bool complete)
    {
        var counted = 0L;
        var groups = new Dictionary<(string?, string?, string?), Group>();
        foreach (var row in rows)
        {
            counted++;
            var key = (row.Type, row.Message, row.Source);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(row.OccurredAt);
            }

            group.Add(row, samplesPerError);
        }

        var errors = groups
            .Select(p => new ErrorTally(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Value.Count, p.Value.First, p.Value.Last, Newest(p.Value.Samples, samplesPerError)))
            .OrderByDescending(e => e.Count).ThenByDescending(e => e.LastAt).ThenBy(e => e.Label, StringComparer.Ordinal)
            .Take(maxErrors)
            .ToList();
        return new ErrorTallies(errors, counted, complete);
    }

    private static List<SignalEvidence> Newest(IEnumerable<SignalEvidence> samples, int keep) =>
        [.. samples.OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.ReplayId).Take(keep)];

    private sealed class Group(DateTimeOffset at)
    {
        public long Count { get; private set; }

        public DateTimeOffset First { get; private set; } = at;

        public DateTimeOffset Last { get; private set; } = at;

        public List<SignalEvidence> Samples { get; private set; } = [];

        public void Add(SignalEvidence row, int samplesPerError)
        {
            Count++;
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
