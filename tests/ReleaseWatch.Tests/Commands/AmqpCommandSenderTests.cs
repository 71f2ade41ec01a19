using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Commands;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Commands;

[Collection(RabbitMqCollection.Name)]
public sealed class AmqpCommandSenderTests(RabbitMqPeer rabbit)
{
    [Fact]
    public async Task SendAsync_puts_every_property_of_the_command_contract_on_the_message()
    {
        var queue = Responders.UniqueQueue();
        await using var services = Responders.Create(rabbit, queue);
        var command = Some.Command() with { Action = new CommandAction("rerun-batch", new Dictionary<string, string> { ["job"] = "NightlySync" }) };

        await services.GetRequiredService<ICommandSender>().SendAsync(command, CancellationToken.None);

        await using var probe = await QueueProbe.ConnectAsync(rabbit);
        var message = Assert.Single(await probe.DrainAsync(queue + "-commands", TimeSpan.FromMilliseconds(300), expectAtLeast: 1));
        Assert.Equal(command.CommandId, message.Properties.MessageId);
        Assert.Equal(command.Org.Id, message.Properties.GroupId);
        Assert.Equal("dep-42", message.Properties.CorrelationId);
        Assert.Equal("revert", message.Properties.Subject);
        Assert.Equal("application/json", message.Properties.ContentType.ToString());
        Assert.Equal("revert", message.ApplicationProperties["type"]);
        Assert.Equal(command.Org.Id, message.ApplicationProperties["org"]);
        Assert.Equal("critical", message.ApplicationProperties["severity"]);
        using var body = JsonDocument.Parse((byte[])message.Body);
        var root = body.RootElement;
        Assert.Equal("schema", root.EnumerateObject().First().Name);
        Assert.Equal("releasewatch.command/v1", root.GetProperty("schema").GetString());
        Assert.Equal(command.CommandId, root.GetProperty("commandId").GetString());
        Assert.Equal("revert", root.GetProperty("type").GetString());
        Assert.Equal("2.3.1", root.GetProperty("release").GetProperty("previousVersion").GetString());
        Assert.Equal("apex-errors", root.GetProperty("reason").GetProperty("metric").GetString());
        Assert.Equal("NightlySync", root.GetProperty("action").GetProperty("parameters").GetProperty("job").GetString());
        Assert.Equal(command, JsonSerializer.Deserialize<ReleaseCommand>(body.RootElement, ReleaseWatchJson.Options)! with { Action = command.Action });
    }

    [Fact]
    public async Task SendAsync_reuses_one_link_and_opens_a_new_connection_after_the_old_one_closed()
    {
        var queue = Responders.UniqueQueue();
        await using var services = Responders.Create(rabbit, queue);
        var sender = services.GetRequiredService<ICommandSender>();
        var connection = services.GetRequiredService<AmqpBrokerConnection>();

        await sender.SendAsync(Some.Command("cmd-a"), CancellationToken.None);
        var link = await connection.GetSenderAsync(queue + "-commands", CancellationToken.None);
        await sender.SendAsync(Some.Command("cmd-b"), CancellationToken.None);
        Assert.Same(link, await connection.GetSenderAsync(queue + "-commands", CancellationToken.None));
        await link.Session.Connection.CloseAsync();
        await sender.SendAsync(Some.Command("cmd-c"), CancellationToken.None);

        Assert.NotSame(link, await connection.GetSenderAsync(queue + "-commands", CancellationToken.None));

        await using var probe = await QueueProbe.ConnectAsync(rabbit);
        var ids = (await probe.DrainAsync(queue + "-commands", TimeSpan.FromMilliseconds(300), expectAtLeast: 3)).Select(m => m.Properties.MessageId);
        Assert.Equal(["cmd-a", "cmd-b", "cmd-c"], ids);
    }
}
