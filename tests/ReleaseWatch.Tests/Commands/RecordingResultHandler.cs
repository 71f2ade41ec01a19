using System.Collections.Concurrent;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

/// <summary>Stands in for the watch store: knows a set of command ids and records the results it was given.</summary>
public sealed class RecordingResultHandler(params string[] knownCommandIds) : ICommandResultHandler
{
    public ConcurrentQueue<CommandResult> Results { get; } = new();

    public Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken)
    {
        if (!knownCommandIds.Contains(result.CommandId))
        {
            return Task.FromResult(CommandResultOutcome.UnknownCommand);
        }

        Results.Enqueue(result);
        return Task.FromResult(CommandResultOutcome.Accepted);
    }
}
