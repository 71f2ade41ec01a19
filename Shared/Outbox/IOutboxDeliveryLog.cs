namespace ReleaseWatch.Outbox;

/// <summary>
/// Records in a watch's history what happened to its outbox items (a command sent, an alert channel
/// that kept failing). Implemented by the watch store; called by the dispatcher.
/// </summary>
public interface IOutboxDeliveryLog
{
    Task RecordAsync(string watchId, string itemId, string what, DateTimeOffset at, CancellationToken cancellationToken);
}
