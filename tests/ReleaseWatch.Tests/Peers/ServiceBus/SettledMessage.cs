using Amqp;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>How a delivered message was settled, as the receiver said it on the disposition (or the lock ran out).</summary>
public enum Settlement
{
    Completed,
    Abandoned,
    DeadLettered,
    Deferred,
    Released,
    LockExpired,
    ReceivedAndDeleted,
}

/// <summary>
/// One settlement, for tests to read. <paramref name="DeliveryCount"/> counts the deliveries so far;
/// the dead-letter fields are what the receiver put in the rejected outcome's error info (or the peer's own, for
/// MaxDeliveryCountExceeded).
/// </summary>
public sealed record SettledMessage(Message Message, Settlement How, int DeliveryCount, string? DeadLetterReason = null, string? DeadLetterErrorDescription = null)
{
    public string? MessageId => Message.Properties?.MessageId;
}
