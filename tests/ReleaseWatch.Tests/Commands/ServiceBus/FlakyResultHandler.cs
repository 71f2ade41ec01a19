using System.Collections.Concurrent;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

/// <summary>Stands in for a watch store that is down for the first <paramref name="failures"/> calls, then stores.</summary>
public sealed class FlakyResultHandler(int failures, params string[] knownCommandIds) : ICommandResultHandler
{
    private readonly RecordingResultHandler _store = new(knownCommandIds);
    private int _calls;

    public ConcurrentQueue<CommandResult> Results => _store.Results;

    public Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= failures
            ? throw new InvalidOperationException("Table Storage is unavailable.")
            : _store.HandleAsync(result, cancellationToken);
}
