using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ReleaseWatch.Commands;
using ReleaseWatch.Tests.Peers.ServiceBus;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

public sealed class ServiceBusCommandSenderTests
{
    // Tracing headers the SDK adds when a listener records activities; they are not part of the command contract.
    private static readonly string[] TracingProperties = ["Diagnostic-Id", "traceparent", "tracestate"];

    [Fact]
    public async Task SendAsync_puts_exactly_the_contract_properties_on_the_wire_as_the_amqp_transport_does()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        await using var sender = ServiceBusNamespace.Sender(client);
        var command = Some.Command() with { Action = new CommandAction("rerun-batch", new Dictionary<string, string> { ["job"] = "NightlySync" }) };

        await sender.SendAsync(command, CancellationToken.None);

        var wire = Assert.Single(peer.Queue(ServiceBusNamespace.Commands).Enqueued);
        var amqp = CommandMessage.Create(command);
        Assert.Equal(command.CommandId, wire.Properties.MessageId);
        Assert.Equal(command.Org.Id, wire.Properties.GroupId);
        Assert.Equal("dep-42", wire.Properties.CorrelationId);
        Assert.Equal("revert", wire.Properties.Subject);
        Assert.Equal("application/json", wire.Properties.ContentType.ToString());
        Assert.Equal(
            (amqp.Properties.MessageId, amqp.Properties.GroupId, amqp.Properties.CorrelationId, amqp.Properties.Subject, amqp.Properties.ContentType.ToString()),
            (wire.Properties.MessageId, wire.Properties.GroupId, wire.Properties.CorrelationId, wire.Properties.Subject, wire.Properties.ContentType.ToString()));
        Assert.Equal(
            new Dictionary<string, object> { ["type"] = "revert", ["org"] = command.Org.Id, ["severity"] = "critical" },
            wire.ApplicationProperties.Map.Where(p => !TracingProperties.Contains(p.Key)).ToDictionary(p => (string)p.Key, p => p.Value));
        Assert.Equal(CommandMessage.Body(command), (byte[])wire.Body);
        using var body = JsonDocument.Parse((byte[])wire.Body);
        Assert.Equal("schema", body.RootElement.EnumerateObject().First().Name);
        Assert.Equal(command, body.RootElement.Deserialize<ReleaseCommand>(ReleaseWatchJson.Options)! with { Action = command.Action });
    }

    [Fact]
    public async Task A_resend_with_the_same_command_id_is_accepted_and_dropped_by_duplicate_detection()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        await using var sender = ServiceBusNamespace.Sender(client);
        var command = Some.Command("w1-revert-1");

        await sender.SendAsync(command, CancellationToken.None);
        await sender.SendAsync(command, CancellationToken.None);
        await sender.SendAsync(Some.Command("w1-revert-2"), CancellationToken.None);

        var queue = peer.Queue(ServiceBusNamespace.Commands);
        Assert.Equal(["w1-revert-1", "w1-revert-2"], queue.Enqueued.Select(m => m.Properties.MessageId));
        Assert.Equal(["w1-revert-1"], queue.DuplicatesDropped);
    }

    [Fact]
    public async Task SendAsync_to_a_queue_the_namespace_lacks_fails_naming_the_entity()
    {
        await using var peer = ServiceBusPeer.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        await using var sender = ServiceBusNamespace.Sender(client);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendAsync(Some.Command(), CancellationToken.None));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
        Assert.Contains(ServiceBusNamespace.Commands, error.Message, StringComparison.Ordinal);
    }
}
