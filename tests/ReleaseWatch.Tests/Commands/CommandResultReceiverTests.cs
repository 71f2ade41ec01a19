using System.Text;
using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseWatch.Commands;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Commands;

[Collection(RabbitMqCollection.Name)]
public sealed class CommandResultReceiverTests(RabbitMqPeer rabbit)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Receiver_stores_results_settles_them_and_rejects_poison_without_stopping()
    {
        var queue = Responders.UniqueQueue();
        var handler = new RecordingResultHandler("cmd-1", "cmd-2");
        await using var services = Responders.Create(rabbit, queue, handler: handler, time: TimeProvider.System);
        var receiver = services.GetServices<IHostedService>().OfType<CommandResultReceiver>().Single();
        await using var probe = await QueueProbe.ConnectAsync(rabbit);
        var results = queue + "-results";

        await receiver.StartAsync(CancellationToken.None);
        await probe.SendAsync(results, Json("""{"commandId":"cmd-1","status":"succeeded","detail":"deployed 2.3.1","completedAt":"2026-11-23T10:05:00Z"}"""));
        await probe.SendAsync(results, Json("{ not json"));
        await probe.SendAsync(results, Json("""{"commandId":"cmd-unknown","status":"failed","completedAt":"2026-11-23T10:05:00Z"}"""));
        await probe.SendAsync(results, Json("""{"commandId":"cmd-2","status":"sideways","completedAt":"2026-11-23T10:05:00Z"}"""));
        await probe.SendAsync(results, new Message("""{"commandId":"cmd-2","status":"failed","detail":"deploy rejected","completedAt":"2026-11-23T10:06:00Z"}"""));
        await Eventually.WaitUntilAsync(() => handler.Results.Count == 2, Deadline, "both valid results to be stored");
        await receiver.StopAsync(CancellationToken.None);

        Assert.Equal(["cmd-1", "cmd-2"], handler.Results.Select(r => r.CommandId));
        Assert.Equal([CommandResultStatus.Succeeded, CommandResultStatus.Failed], handler.Results.Select(r => r.Status));
        // Settled: with the receiver stopped, nothing is left (or returned) on the queue.
        Assert.Empty(await probe.DrainAsync(results, TimeSpan.FromMilliseconds(500)));
    }

    private static Message Json(string json) => new()
    {
        BodySection = new Data { Binary = Encoding.UTF8.GetBytes(json) },
        Properties = new Properties { MessageId = Guid.NewGuid().ToString(), ContentType = "application/json" },
    };
}
