using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Handler;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// Makes each delivery's tag its 16-byte lock token, as Service Bus does: the SDK reads the lock token from
/// the delivery tag (a 4-byte counter, AMQPNetLite's default, gives an empty lock token and Complete fails).
/// Installed as the connection handler; it also tells which lock token a disposed message carried.
/// </summary>
internal sealed class LockTokenTags : IHandler
{
    private readonly ConditionalWeakTable<Message, StrongBox<Guid>> _tokens = new();

    public void Register(Message message, Guid lockToken) => _tokens.AddOrUpdate(message, new StrongBox<Guid>(lockToken));

    public Guid? TokenOf(Message message) => _tokens.TryGetValue(message, out var token) ? token.Value : null;

    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Context is IDelivery delivery && delivery.Message is { } message && TokenOf(message) is { } token)
        {
            delivery.Tag = token.ToByteArray();
        }
    }
}
