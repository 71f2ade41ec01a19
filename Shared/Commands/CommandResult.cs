namespace ReleaseWatch.Commands;

/// <summary>The body of a message on the "release-command-results" queue.</summary>
public sealed record CommandResult(string CommandId, CommandResultStatus Status, string? Detail, DateTimeOffset CompletedAt);
