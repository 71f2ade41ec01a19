namespace ReleaseWatch.Outbox;

/// <summary>Where an outbox row is in its delivery.</summary>
public enum OutboxItemStatus
{
    /// <summary>Decided, not yet accepted by the broker (or by every routed channel).</summary>
    Pending,
    /// <summary>Accepted; never sent again.</summary>
    Sent,
    /// <summary>Gave up after the retry budget; recorded in the watch's history.</summary>
    Failed,
}
