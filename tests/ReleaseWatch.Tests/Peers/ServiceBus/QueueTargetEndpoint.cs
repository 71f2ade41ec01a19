using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// A sender's link into a queue. Accepts a transfer once the queue holds it (a duplicate is accepted too,
/// then dropped, as Service Bus does); unpacks the SDK's batch format (0x80013700: one encoded message per data section).
/// </summary>
internal sealed class QueueTargetEndpoint(PeerQueue queue, ulong maxMessageSize) : LinkEndpoint
{
    private const uint BatchFormat = 0x80013700;

    public override void OnMessage(MessageContext messageContext)
    {
        var message = messageContext.Message;
        var size = (ulong)message.Encode().Length;
        if (size > maxMessageSize)
        {
            messageContext.Complete(new Error(new Symbol("amqp:link:message-size-exceeded"))
            {
                Description = $"The received message ({size} bytes) exceeds the limit ({maxMessageSize} bytes) currently allowed on the link.",
            });
            return;
        }

        var refusal = queue.Enqueue(Unbatch(message));
        if (refusal is null)
        {
            messageContext.Complete();
        }
        else
        {
            messageContext.Complete(refusal);
        }
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }

    private static List<Message> Unbatch(Message message)
    {
        // Decode a copy: the received message's buffer is released once the transfer is settled.
        if (message.Format != BatchFormat)
        {
            return [Message.Decode(message.Encode())];
        }

        var sections = message.BodySection switch
        {
            DataList list => Enumerable.Range(0, list.Count).Select(i => list[i]),
            Data data => [data],
            _ => [],
        };
        return sections.Select(d => Message.Decode(new ByteBuffer(d.Binary, 0, d.Binary.Length, d.Binary.Length))).ToList();
    }
}
