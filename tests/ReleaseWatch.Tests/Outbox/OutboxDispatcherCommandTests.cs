using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Outbox;

[Collection(RabbitMqCollection.Name)]
public sealed class OutboxDispatcherCommandTests(RabbitMqPeer rabbit, AzuritePeer azurite)
{
    private readonly OutboxTable _rows = new(azurite);
    private readonly FakeTimeProvider _time = new(Some.At);
    private readonly string _queue = Responders.UniqueQueue();

    [Fact]
    public async Task SweepAsync_sends_a_command_whose_process_died_before_sending_with_the_same_message_id()
    {
        var command = Some.Command();
        // The decision was stored with its outbox row; the process died before dispatching.
        await _rows.AddAsync(OutboxItem.ForCommand(command.WatchId, command, Some.At));
        await using var restarted = Create();

        await restarted.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None);

        var message = Assert.Single(await DrainAsync(1));
        Assert.Equal(command.CommandId, message.Properties.MessageId);
        var row = await _rows.GetAsync(command.WatchId, command.CommandId);
        Assert.Equal(OutboxItemStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task SweepAsync_takes_over_a_row_claimed_by_a_dispatcher_that_died_only_after_the_claim_expired()
    {
        var command = Some.Command();
        var claimedByTheDead = OutboxItem.ForCommand(command.WatchId, command, Some.At) with { Attempts = 1, NextAttemptAt = Some.At.AddMinutes(2) };
        await _rows.AddAsync(claimedByTheDead);
        await using var restarted = Create();
        var dispatcher = restarted.GetRequiredService<OutboxDispatcher>();

        await dispatcher.SweepAsync(CancellationToken.None);
        Assert.Equal(OutboxItemStatus.Pending, (await _rows.GetAsync(command.WatchId, command.CommandId)).Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.SweepAsync(CancellationToken.None);

        var message = Assert.Single(await DrainAsync(1));
        Assert.Equal(command.CommandId, message.Properties.MessageId);
        Assert.Equal(2, (await _rows.GetAsync(command.WatchId, command.CommandId)).Attempts);
    }

    [Fact]
    public async Task Two_dispatchers_sweeping_at_once_send_a_command_once()
    {
        var command = Some.Command();
        await _rows.AddAsync(OutboxItem.ForCommand(command.WatchId, command, Some.At));
        await using var first = Create();
        await using var second = Create();

        await Task.WhenAll(
            first.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None),
            second.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None));

        Assert.Equal([command.CommandId], (await DrainAsync(1)).Select(m => m.Properties.MessageId).Where(id => id == command.CommandId));
    }

    [Fact]
    public async Task Commands_decided_while_the_broker_is_down_are_each_delivered_once_after_it_returns()
    {
        var commands = Enumerable.Range(1, 3).Select(i => Some.Command(deployment: $"dep-outage-{i}-{Guid.NewGuid():N}")).ToList();
        await using var services = Create();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        await rabbit.StopAsync();
        try
        {
            foreach (var command in commands)
            {
                await _rows.AddAsync(OutboxItem.ForCommand(command.WatchId, command, Some.At));
                await dispatcher.DispatchAsync(command.WatchId, CancellationToken.None);
            }

            foreach (var command in commands)
            {
                var row = await _rows.GetAsync(command.WatchId, command.CommandId);
                Assert.Equal((OutboxItemStatus.Pending, 1), (row.Status, row.Attempts));
                Assert.True(row.NextAttemptAt > Some.At, "a failed send waits before its retry");
                Assert.NotNull(row.LastError);
            }
        }
        finally
        {
            await rabbit.StartAsync();
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        var reports = (await dispatcher.SweepAsync(CancellationToken.None)).Concat(await dispatcher.SweepAsync(CancellationToken.None)).ToList();

        var ids = (await DrainAsync(3)).Select(m => (string)m.Properties.MessageId).ToList();
        Assert.Equal(commands.Select(c => c.CommandId).Order(), ids.Order());
        var ours = commands.Select(c => c.CommandId).ToHashSet();
        Assert.Equal(3, reports.Count(e => ours.Contains(e.ItemId) && e.What.Contains("accepted by the broker", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_Service_Bus_a_command_waits_pending_and_unattempted_in_the_outbox()
    {
        var command = Some.Command();
        await _rows.AddAsync(OutboxItem.ForCommand(command.WatchId, command, Some.At));
        await using var services = Responders.Create(rabbit, _queue, azurite, time: _time,
            settings: new Dictionary<string, string?> { ["ReleaseWatch:ServiceBus:ConnectionString"] = "" });

        try
        {
            await services.GetRequiredService<OutboxDispatcher>().SweepAsync(CancellationToken.None);

            var row = await _rows.GetAsync(command.WatchId, command.CommandId);
            Assert.Equal(OutboxItemStatus.Pending, row.Status);
            Assert.Equal(0, row.Attempts);
            Assert.Empty(await DrainAsync(0));
        }
        finally
        {
            await _rows.DeleteAsync(command.WatchId, command.CommandId);
        }
    }

    private ServiceProvider Create() => Responders.Create(rabbit, _queue, azurite, time: _time);

    private async Task<IReadOnlyList<Amqp.Message>> DrainAsync(int expected)
    {
        await using var probe = await QueueProbe.ConnectAsync(rabbit);
        return await probe.DrainAsync(_queue + "-commands", TimeSpan.FromMilliseconds(500), expected);
    }
}
