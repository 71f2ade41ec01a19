using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>A message in a queue, with what Service Bus stamps on it when it delivers it.</summary>
internal sealed class QueueEntry(Message message, long sequence, DateTimeOffset enqueuedAt)
{
    public Message Message { get; } = message;

    public long Sequence { get; } = sequence;

    /// <summary>Deliveries so far (the one in progress included).</summary>
    public int DeliveryCount { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>
    /// A copy for the wire: header delivery-count = earlier deliveries, and the broker's message annotations
    /// (x-opt-sequence-number, x-opt-enqueued-time, x-opt-locked-until for peek-lock). Without a locked-until the
    /// SDK's processor renews the lock at once, over a management link the peer does not have.
    /// </summary>
    public Message ForDelivery(DateTimeOffset? lockedUntil)
    {
        var copy = Message.Decode(Message.Encode());
        copy.Header ??= new Header();
        copy.Header.DeliveryCount = (uint)(DeliveryCount - 1);
        copy.MessageAnnotations ??= new MessageAnnotations();
        copy.MessageAnnotations[new Symbol("x-opt-sequence-number")] = Sequence;
        copy.MessageAnnotations[new Symbol("x-opt-enqueued-time")] = enqueuedAt.UtcDateTime;
        if (lockedUntil is { } until)
        {
            copy.MessageAnnotations[new Symbol("x-opt-locked-until")] = until.UtcDateTime;
        }

        return copy;
    }

    /// <summary>An abandon's "properties to modify" (the modified outcome's message-annotations) update the application properties.</summary>
    public void Modify(Fields? propertiesToModify)
    {
        if (propertiesToModify is null || propertiesToModify.Count == 0)
        {
            return;
        }

        Message.ApplicationProperties ??= new ApplicationProperties();
        foreach (var (key, value) in propertiesToModify)
        {
            Message.ApplicationProperties[key.ToString()!] = value;
        }
    }
}
