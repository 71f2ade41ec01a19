using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// A queue with Service Bus's peek-lock semantics as far as the peer implements them: sequence numbers,
/// lock tokens with a lock duration, complete / abandon / dead-letter / defer, delivery counts and
/// MaxDeliveryCountExceeded, duplicate detection by message-id within a window, and the session-id requirement.
/// Everything the queue accepted and every settlement is kept for tests to read.
/// </summary>
public sealed class PeerQueue
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, QueueEntry> _available = [];
    private readonly Dictionary<Guid, QueueEntry> _locked = [];
    private readonly Dictionary<string, DateTimeOffset> _recentIds = new(StringComparer.Ordinal);
    private readonly List<IQueueConsumer> _consumers = [];
    private long _lastSequence;
    private ITimer? _lockTimer;

    public PeerQueue(QueueSettings settings, TimeProvider time)
    {
        Settings = settings;
        _time = time;
    }

    public QueueSettings Settings { get; }

    /// <summary>Every message the queue accepted, as it arrived on the wire.</summary>
    public ConcurrentQueue<Message> Enqueued { get; } = new();

    /// <summary>Message ids of sends that were accepted but dropped as duplicates.</summary>
    public ConcurrentQueue<string> DuplicatesDropped { get; } = new();

    public ConcurrentQueue<SettledMessage> Settlements { get; } = new();

    /// <summary>The dead-letter sub-queue: settlements that dead-lettered.</summary>
    public IReadOnlyList<SettledMessage> DeadLetters => Settlements.Where(s => s.How == Settlement.DeadLettered).ToList();

    /// <summary>Messages waiting or locked (not settled for good).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                return _available.Count + _locked.Count;
            }
        }
    }

    /// <summary>Accepts messages sent in one transfer, all or none. Returns an error to reject the transfer with, or null.</summary>
    internal Error? Enqueue(IReadOnlyList<Message> messages)
    {
        if (Settings.RequiresSession && messages.Any(m => string.IsNullOrEmpty(m.Properties?.GroupId)))
        {
            return new Error(ErrorCode.NotAllowed)
            {
                Description = $"The SessionId was not set on a message, and it cannot be sent to the entity '{Settings.Name}'. " +
                    "Entities that have session support enabled can only receive messages that have the SessionId set to a valid value.",
            };
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var message in messages)
            {
                message.Properties ??= new Properties();
                message.Properties.MessageId ??= Guid.NewGuid().ToString("N");
                if (IsDuplicate(message.Properties.MessageId, now))
                {
                    DuplicatesDropped.Enqueue(message.Properties.MessageId);
                    continue;
                }

                Enqueued.Enqueue(message);
                var entry = new QueueEntry(message, ++_lastSequence, now);
                _available.Add(entry.Sequence, entry);
            }
        }

        NotifyConsumers();
        return null;
    }

    /// <summary>Takes the next message for a receiver: locked (peek-lock) or removed at once (receive-and-delete).</summary>
    internal LockedDelivery? TryTake(bool deleteOnSend)
    {
        lock (_gate)
        {
            ExpireLocks(_time.GetUtcNow());
            if (_available.Count == 0)
            {
                return null;
            }

            var entry = _available.First().Value;
            _available.Remove(entry.Sequence);
            entry.DeliveryCount++;
            var now = _time.GetUtcNow();
            if (deleteOnSend)
            {
                Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.ReceivedAndDeleted, entry.DeliveryCount));
                return new LockedDelivery(Guid.NewGuid(), entry.ForDelivery(lockedUntil: null));
            }

            entry.LockToken = Guid.NewGuid();
            entry.LockedUntil = now + Settings.LockDuration;
            _locked.Add(entry.LockToken, entry);
            ScheduleLockExpiry();
            return new LockedDelivery(entry.LockToken, entry.ForDelivery(entry.LockedUntil));
        }
    }

    /// <summary>Applies a receiver's outcome to a locked message. False when the lock is gone (expired or already settled).</summary>
    internal bool Settle(Guid lockToken, DeliveryState? outcome)
    {
        lock (_gate)
        {
            ExpireLocks(_time.GetUtcNow());
            if (!_locked.Remove(lockToken, out var entry))
            {
                return false;
            }

            switch (outcome)
            {
                case Accepted:
                    Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.Completed, entry.DeliveryCount));
                    break;
                case Rejected rejected:
                    DeadLetter(entry, InfoText(rejected, "DeadLetterReason"), InfoText(rejected, "DeadLetterErrorDescription"));
                    break;
                case Modified { UndeliverableHere: true }:
                    Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.Deferred, entry.DeliveryCount));
                    break;
                case Modified modified:
                    entry.Modify(modified.MessageAnnotations);
                    Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.Abandoned, entry.DeliveryCount));
                    ReturnOrDeadLetter(entry);
                    break;
                default:
                    // Released (or no outcome): handed back unprocessed; the attempt does not count.
                    entry.DeliveryCount--;
                    Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.Released, entry.DeliveryCount));
                    _available.Add(entry.Sequence, entry);
                    break;
            }
        }

        NotifyConsumers();
        return true;
    }

    internal void Subscribe(IQueueConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Add(consumer);
        }
    }

    internal void Unsubscribe(IQueueConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Remove(consumer);
        }
    }

    private static string? InfoText(Rejected rejected, string key) =>
        rejected.Error?.Info is { } info && info.TryGetValue(new Symbol(key), out var value) ? value as string : null;

    private bool IsDuplicate(string messageId, DateTimeOffset now)
    {
        if (Settings.DuplicateDetectionWindow is not { } window)
        {
            return false;
        }

        foreach (var stale in _recentIds.Where(p => now - p.Value >= window).Select(p => p.Key).ToList())
        {
            _recentIds.Remove(stale);
        }

        return !_recentIds.TryAdd(messageId, now);
    }

    private void ExpireLocks(DateTimeOffset now)
    {
        foreach (var entry in _locked.Values.Where(e => e.LockedUntil <= now).ToList())
        {
            _locked.Remove(entry.LockToken);
            Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.LockExpired, entry.DeliveryCount));
            ReturnOrDeadLetter(entry);
        }
    }

    private void ReturnOrDeadLetter(QueueEntry entry)
    {
        if (entry.DeliveryCount >= Settings.MaxDeliveryCount)
        {
            DeadLetter(entry, "MaxDeliveryCountExceeded", $"Message could not be consumed after {Settings.MaxDeliveryCount} delivery attempts.");
        }
        else
        {
            _available.Add(entry.Sequence, entry);
        }
    }

    private void DeadLetter(QueueEntry entry, string? reason, string? description) =>
        Settlements.Enqueue(new SettledMessage(entry.Message, Settlement.DeadLettered, entry.DeliveryCount, reason, description));

    // A lock that runs out puts its message back; receivers waiting with credit must hear of it.
    private void ScheduleLockExpiry()
    {
        if (_locked.Count == 0)
        {
            return;
        }

        var due = _locked.Values.Min(e => e.LockedUntil) - _time.GetUtcNow();
        _lockTimer?.Dispose();
        _lockTimer = _time.CreateTimer(_ => OnLockTimer(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void OnLockTimer()
    {
        lock (_gate)
        {
            ExpireLocks(_time.GetUtcNow());
            ScheduleLockExpiry();
        }

        NotifyConsumers();
    }

    private void NotifyConsumers()
    {
        IQueueConsumer[] consumers;
        lock (_gate)
        {
            consumers = [.. _consumers];
        }

        foreach (var consumer in consumers)
        {
            consumer.Pump();
        }
    }
}

/// <summary>A message taken for delivery, with the lock token that becomes its delivery tag.</summary>
internal sealed record LockedDelivery(Guid LockToken, Message Message);

/// <summary>A receiver of a queue: told to deliver when messages become available.</summary>
internal interface IQueueConsumer
{
    void Pump();
}
