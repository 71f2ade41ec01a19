using Azure.Core.Amqp;
using Azure.Messaging.ServiceBus;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Peers.ServiceBus;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

public sealed class ServiceBusResultProcessorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Processor_completes_stored_results_and_dead_letters_poison_with_its_reason()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        var handler = new RecordingResultHandler("cmd-1", "cmd-2");
        await using var processor = ServiceBusNamespace.Processor(client, handler);
        await using var agent = client.CreateSender(ServiceBusNamespace.Results);
        var queue = peer.Queue(ServiceBusNamespace.Results);

        await processor.StartAsync(CancellationToken.None);
        await agent.SendMessageAsync(Json("good", """{"commandId":"cmd-1","status":"succeeded","detail":"deployed 2.3.1","completedAt":"2026-11-23T10:05:00Z"}"""));
        await agent.SendMessageAsync(Json("not-json", "{ not json"));
        await agent.SendMessageAsync(Json("unknown", """{"commandId":"cmd-unknown","status":"failed","completedAt":"2026-11-23T10:05:00Z"}"""));
        // An agent on a plain AMQP client may send the JSON as an AMQP string value rather than data.
        await agent.SendMessageAsync(new ServiceBusMessage(new AmqpAnnotatedMessage(AmqpMessageBody.FromValue(
            """{"commandId":"cmd-2","status":"failed","detail":"deploy rejected","completedAt":"2026-11-23T10:06:00Z"}"""))) { MessageId = "value-body" });
        await Eventually.WaitUntilAsync(() => queue.Settlements.Count == 4, Deadline, "all four results to be settled");
        await processor.StopAsync(CancellationToken.None);

        Assert.Equal(["cmd-1", "cmd-2"], handler.Results.Select(r => r.CommandId));
        Assert.Equal(
            [("good", Settlement.Completed), ("not-json", Settlement.DeadLettered), ("unknown", Settlement.DeadLettered), ("value-body", Settlement.Completed)],
            queue.Settlements.Select(s => (s.MessageId!, s.How)));
        var malformed = queue.DeadLetters.Single(s => s.MessageId == "not-json");
        Assert.Equal("releasewatch:malformed-result", malformed.DeadLetterReason);
        Assert.StartsWith("The result is not valid JSON", malformed.DeadLetterErrorDescription, StringComparison.Ordinal);
        var unknown = queue.DeadLetters.Single(s => s.MessageId == "unknown");
        Assert.Equal(("releasewatch:unknown-command", "No watch issued command \"cmd-unknown\"."), (unknown.DeadLetterReason, unknown.DeadLetterErrorDescription));
        Assert.Equal(0, queue.ActiveCount);
    }

    [Fact]
    public async Task Processor_abandons_a_result_it_could_not_store_and_stores_it_when_redelivered()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        var handler = new FlakyResultHandler(failures: 1, "cmd-1");
        await using var processor = ServiceBusNamespace.Processor(client, handler);
        await using var agent = client.CreateSender(ServiceBusNamespace.Results);
        var queue = peer.Queue(ServiceBusNamespace.Results);

        await processor.StartAsync(CancellationToken.None);
        await agent.SendMessageAsync(Json("result-1", """{"commandId":"cmd-1","status":"succeeded","completedAt":"2026-11-23T10:05:00Z"}"""));
        await Eventually.WaitUntilAsync(() => queue.Settlements.Any(s => s.How == Settlement.Completed), Deadline, "the redelivered result to be completed");
        await processor.StopAsync(CancellationToken.None);

        Assert.Equal([(Settlement.Abandoned, 1), (Settlement.Completed, 2)], queue.Settlements.Select(s => (s.How, s.DeliveryCount)));
        Assert.Equal("cmd-1", Assert.Single(handler.Results).CommandId);
    }

    private static ServiceBusMessage Json(string messageId, string json) => new(BinaryData.FromString(json))
    {
        MessageId = messageId,
        ContentType = "application/json",
    };
}
