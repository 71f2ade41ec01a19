using ReleaseWatch.Commands;

namespace ReleaseWatch.Watches.Events;

/// <summary>The deploy agent reported a command's outcome on "release-command-results".</summary>
public sealed record CommandResultReceived(CommandResult Result) : WatchEvent;
