namespace ReleaseWatch.Signals;

/// <summary>
/// What capture took from one org's delivery: the occurrences to count, the failure evidence, the replay id to
/// checkpoint per channel, and what to do once it is stored (e.g. record capture lag).
/// </summary>
internal sealed record CapturedBatch(
    string OrgId,
    IReadOnlyCollection<SignalOccurrence> Occurrences,
    IReadOnlyCollection<SignalEvidence> Evidence,
    IReadOnlyDictionary<string, long> Checkpoints,
    Action? Stored = null)
{
    public int Events => Occurrences.Count;
}
