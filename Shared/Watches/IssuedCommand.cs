using ReleaseWatch.Commands;

namespace ReleaseWatch.Watches;

/// <summary>A command this watch put in its outbox, and what became of it.</summary>
public sealed record IssuedCommand(
    string CommandId,
    CommandType Type,
    string Metric,
    DateTimeOffset IssuedAt,
    CommandResultStatus? Result,
    string? Detail,
    DateTimeOffset? CompletedAt);
