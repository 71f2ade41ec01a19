namespace ReleaseWatch.Signals;

/// <summary>A trimmed failure event kept for alerts: what failed, where, and on which records.</summary>
public sealed record SignalEvidence(
    string OrgId,
    string Signal,
    string Channel,
    long ReplayId,
    DateTimeOffset OccurredAt,
    string? Type,
    string? Message,
    string? Source,
    IReadOnlyList<string> RecordIds);
