namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>A queue of the peer, with the Service Bus properties the peer implements and their Service Bus defaults.</summary>
public sealed record QueueSettings(string Name)
{
    /// <summary>Messages must carry a session id (group-id). Receiving from a session queue is not implemented.</summary>
    public bool RequiresSession { get; init; }

    /// <summary>Drop a message whose message-id was accepted within this window. Default: off.</summary>
    public TimeSpan? DuplicateDetectionWindow { get; init; }

    /// <summary>How long a peek-lock delivery stays locked. Default 1 minute.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries after which an abandoned or expired message is dead-lettered. Default 10.</summary>
    public int MaxDeliveryCount { get; init; } = 10;
}
