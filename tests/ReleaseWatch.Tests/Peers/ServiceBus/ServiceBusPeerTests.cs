using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>The peer's own Service Bus semantics, driven by the SDK: what README says the peer implements.</summary>
public sealed class ServiceBusPeerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_session_queue_refuses_a_message_without_a_session_id()
    {
        await using var peer = ServiceBusPeer.Start();
        var queue = peer.AddQueue(new QueueSettings("sessions") { RequiresSession = true });
        await using var client = new ServiceBusClient(peer.ConnectionString(), NoRetries());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.CreateSender("sessions").SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Contains("SessionId was not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(queue.Enqueued);
    }

    [Fact]
    public async Task A_sender_link_is_told_the_standard_tier_message_size_limit()
    {
        await using var peer = ServiceBusPeer.Start();
        peer.AddQueue(new QueueSettings("work"));
        await using var client = new ServiceBusClient(peer.ConnectionString(), NoRetries());

        using var batch = await client.CreateSender("work").CreateMessageBatchAsync();

        Assert.Equal((long)ServiceBusPeer.MaxMessageSize, batch.MaxSizeInBytes);
    }

    [Fact]
    public async Task An_expired_lock_puts_the_message_back_and_settling_it_then_fails_as_lock_lost()
    {
        // Whole seconds: AMQP timestamps carry milliseconds only.
        var now = TimeProvider.System.GetUtcNow();
        var time = new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
        await using var peer = ServiceBusPeer.Start(time);
        var queue = peer.AddQueue(new QueueSettings("work") { LockDuration = TimeSpan.FromSeconds(30) });
        await using var client = new ServiceBusClient(peer.ConnectionString(), NoRetries());
        await client.CreateSender("work").SendMessageAsync(new ServiceBusMessage("x") { MessageId = "m1" });
        await using var receiver = client.CreateReceiver("work");

        var first = await receiver.ReceiveMessageAsync(Wait);
        time.Advance(TimeSpan.FromSeconds(31));
        var second = await receiver.ReceiveMessageAsync(Wait);
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first));
        await receiver.CompleteMessageAsync(second);

        Assert.NotEqual(first.LockToken, second.LockToken);
        Assert.DoesNotContain(Guid.Empty.ToString(), new[] { first.LockToken, second.LockToken });
        Assert.Equal((1, 2), (first.DeliveryCount, second.DeliveryCount));
        Assert.Equal(time.GetUtcNow().AddSeconds(30), second.LockedUntil);
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);
        Assert.Equal([Settlement.LockExpired, Settlement.Completed], queue.Settlements.Select(s => s.How));
    }

    [Fact]
    public async Task A_message_abandoned_MaxDeliveryCount_times_is_dead_lettered_by_the_peer()
    {
        await using var peer = ServiceBusPeer.Start();
        var queue = peer.AddQueue(new QueueSettings("work") { MaxDeliveryCount = 2 });
        await using var client = new ServiceBusClient(peer.ConnectionString(), NoRetries());
        await client.CreateSender("work").SendMessageAsync(new ServiceBusMessage("x") { MessageId = "m1" });
        await using var receiver = client.CreateReceiver("work");

        await receiver.AbandonMessageAsync(await receiver.ReceiveMessageAsync(Wait), new Dictionary<string, object> { ["attempt"] = 1 });
        await receiver.AbandonMessageAsync(await receiver.ReceiveMessageAsync(Wait));

        var dead = Assert.Single(queue.DeadLetters);
        Assert.Equal(("MaxDeliveryCountExceeded", 2), (dead.DeadLetterReason, dead.DeliveryCount));
        Assert.Equal(1, dead.Message.ApplicationProperties["attempt"]);
        Assert.Equal(0, queue.ActiveCount);
    }

    private static ServiceBusClientOptions NoRetries() => new() { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = Wait } };
}
