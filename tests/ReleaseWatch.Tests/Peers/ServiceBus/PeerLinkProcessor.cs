using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// Attaches links to queues as Service Bus does: the entity must exist, the connection must hold a token
/// for it with the claim the link needs (Send to send, Listen to receive), and the attach reply carries
/// the max-message-size (the SDK sizes its sends by it; without one it reports "-1 bytes allowed").
/// </summary>
internal sealed class PeerLinkProcessor(ServiceBusPeer peer, CbsNode cbs, LockTokenTags tags) : ILinkProcessor
{
    private static readonly Symbol SessionFilter = new("com.microsoft:session-filter");

    public void Process(AttachContext attachContext)
    {
        var attach = attachContext.Attach;
        var clientReceives = attach.Role;
        var address = clientReceives ? (attach.Source as Source)?.Address : (attach.Target as Target)?.Address;
        var entity = (address ?? "").Trim('/');
        var audience = $"sb://{peer.Host}/{entity}";
        var refusal = Refusal(attachContext, entity, audience, clientReceives);
        if (refusal is not null)
        {
            attachContext.Complete(refusal);
            return;
        }

        var queue = peer.Queue(entity);
        attach.MaxMessageSize = ServiceBusPeer.MaxMessageSize;
        if (clientReceives)
        {
            attachContext.Complete(new QueueSourceEndpoint(queue, attachContext.Link, tags), 0);
        }
        else
        {
            attachContext.Complete(new QueueTargetEndpoint(queue, ServiceBusPeer.MaxMessageSize), 100);
        }
    }

    private Error? Refusal(AttachContext attachContext, string entity, string audience, bool clientReceives)
    {
        if (entity.EndsWith("$management", StringComparison.OrdinalIgnoreCase))
        {
            return new Error(ErrorCode.NotImplemented)
            {
                Description = "The contract peer has no $management node: lock renewal, peek, deferral by sequence number and scheduling are not implemented.",
            };
        }

        if (!peer.HasQueue(entity))
        {
            return new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{audience}' could not be found." };
        }

        var needed = clientReceives ? SasRights.Listen : SasRights.Send;
        if (!cbs.IsAuthorized(attachContext.Link.Session.Connection, audience, needed))
        {
            return new Error(ErrorCode.UnauthorizedAccess)
            {
                Description = $"Unauthorized access. '{needed}' claim(s) are required to perform this operation. Resource: '{audience}'.",
            };
        }

        if (!clientReceives)
        {
            return null;
        }

        var wantsSession = (attachContext.Attach.Source as Source)?.FilterSet?.ContainsKey(SessionFilter) == true;
        if (wantsSession)
        {
            return new Error(ErrorCode.NotImplemented) { Description = "The contract peer implements no session receivers." };
        }

        return peer.Queue(entity).Settings.RequiresSession
            ? new Error(ErrorCode.NotAllowed) { Description = "It is not possible for an entity that requires sessions to create a non-sessionful message receiver." }
            : null;
    }
}
