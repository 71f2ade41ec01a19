using System.Collections.Concurrent;
using ReleaseWatch.Outbox;

namespace ReleaseWatch.Tests.Outbox;

/// <summary>Stands in for the watch history: records what the dispatcher reports.</summary>
public sealed class RecordingDeliveryLog : IOutboxDeliveryLog
{
    public ConcurrentQueue<(string WatchId, string ItemId, string What)> Entries { get; } = new();

    public Task RecordAsync(string watchId, string itemId, string what, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Entries.Enqueue((watchId, itemId, what));
        return Task.CompletedTask;
    }
}
