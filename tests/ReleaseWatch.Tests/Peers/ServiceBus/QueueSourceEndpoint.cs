using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// A receiver's link from a queue: delivers within the receiver's credit (drain honoured), tags each
/// delivery with its lock token, and answers each disposition with the settled outcome, or with
/// com.microsoft:message-lock-lost when the lock is gone. A message still locked when its link closes stays
/// locked until its lock expires, as on Service Bus.
/// </summary>
internal sealed class QueueSourceEndpoint : LinkEndpoint, IQueueConsumer
{
    private readonly object _gate = new();
    private readonly PeerQueue _queue;
    private readonly ListenerLink _link;
    private readonly LockTokenTags _tags;
    private int _credit;
    private bool _pumping;
    private bool _again;
    private bool _closed;

    public QueueSourceEndpoint(PeerQueue queue, ListenerLink link, LockTokenTags tags)
    {
        _queue = queue;
        _link = link;
        _tags = tags;
        // Closed is raised before the link releases its unsettled deliveries: those keep their locks.
        link.Closed += (_, _) =>
        {
            lock (_gate)
            {
                _closed = true;
            }
        };
        queue.Subscribe(this);
    }

    public override void OnFlow(FlowContext flowContext)
    {
        lock (_gate)
        {
            // The same arithmetic as the link's own: a flow that does not raise the limit leaves no credit.
            _credit = flowContext.Messages <= 0 ? 0 : _credit + flowContext.Messages;
        }

        Pump();
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        var message = dispositionContext.Message;
        bool closed;
        lock (_gate)
        {
            closed = _closed;
        }

        if (_tags.TokenOf(message) is not { } token || (closed && dispositionContext.DeliveryState is Released))
        {
            return;
        }

        var outcome = dispositionContext.DeliveryState;
        if (_queue.Settle(token, outcome))
        {
            // The SDK takes a rejected outcome that carries an error as a failed settlement: a dead-letter is
            // confirmed with a bare rejected outcome, everything else with the outcome it asked for.
            _link.DisposeMessage(message, outcome is Rejected ? new Rejected() : outcome, settled: true);
        }
        else
        {
            _link.DisposeMessage(message, new Rejected
            {
                Error = new Error(new Symbol("com.microsoft:message-lock-lost"))
                {
                    Description = "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.",
                },
            }, settled: true);
        }
    }

    public override void OnLinkClosed(ListenerLink link, Error error) => _queue.Unsubscribe(this);

    public void Pump()
    {
        lock (_gate)
        {
            if (_pumping)
            {
                _again = true;
                return;
            }

            _pumping = true;
        }

        while (true)
        {
            Deliver();
            bool drained;
            lock (_gate)
            {
                if (_again)
                {
                    _again = false;
                    continue;
                }

                _pumping = false;
                // Nothing more to send: a draining receiver gets its remaining credit consumed and is told so.
                drained = _link.IsDraining && !_closed;
                if (drained)
                {
                    _credit = 0;
                }
            }

            if (drained)
            {
                _link.CompleteDrain();
            }

            return;
        }
    }

    private void Deliver()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_credit == 0 || _closed)
                {
                    return;
                }
            }

            if (_queue.TryTake(deleteOnSend: _link.SettleOnSend) is not { } delivery)
            {
                return;
            }

            lock (_gate)
            {
                _credit--;
            }

            _tags.Register(delivery.Message, delivery.LockToken);
            try
            {
                _link.SendMessage(delivery.Message);
            }
            catch (AmqpException)
            {
                // The link closed under us: the message stays locked until its lock expires, as on Service Bus.
                lock (_gate)
                {
                    _closed = true;
                }

                return;
            }
        }
    }
}
