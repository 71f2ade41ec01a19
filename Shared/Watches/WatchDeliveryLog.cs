using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Watches;

/// <summary>Records the dispatcher's reports (a channel that kept failing) in the watch's history.</summary>
internal sealed class WatchDeliveryLog(WatchWorkflow workflow) : IOutboxDeliveryLog
{
    public Task RecordAsync(string watchId, string itemId, string what, DateTimeOffset at, CancellationToken cancellationToken) =>
        workflow.ApplyAsync(watchId, new DeliveryRecorded(itemId, what), cancellationToken);
}
