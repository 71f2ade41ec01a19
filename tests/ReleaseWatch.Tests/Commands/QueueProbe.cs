using System.Diagnostics;
using Amqp;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Commands;

/// <summary>A plain AMQP client on the test broker: what the deploy agent would see and send.</summary>
public sealed class QueueProbe : IAsyncDisposable
{
    private readonly Connection _connection;
    private readonly Session _session;

    private QueueProbe(Connection connection)
    {
        _connection = connection;
        _session = new Session(connection);
    }

    public static async Task<QueueProbe> ConnectAsync(RabbitMqPeer rabbit) =>
        new(await new ConnectionFactory().CreateAsync(new Address(rabbit.AmqpUrl)));

    /// <summary>Receives and accepts everything that arrives on the queue until it stays quiet for <paramref name="quiet"/>.</summary>
    public async Task<IReadOnlyList<Message>> DrainAsync(string queue, TimeSpan quiet, int expectAtLeast = 0)
    {
        var receiver = new ReceiverLink(_session, "probe-" + Guid.NewGuid().ToString("N"), "/queue/" + queue);
        var messages = new List<Message>();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            var message = await receiver.ReceiveAsync(messages.Count < expectAtLeast ? TimeSpan.FromSeconds(1) : quiet);
            if (message is null)
            {
                if (messages.Count >= expectAtLeast)
                {
                    break;
                }

                continue;
            }

            receiver.Accept(message);
            messages.Add(message);
        }

        await receiver.CloseAsync();
        return messages;
    }

    public async Task SendAsync(string queue, Message message)
    {
        var sender = new SenderLink(_session, "probe-sender-" + Guid.NewGuid().ToString("N"), "/queue/" + queue);
        await sender.SendAsync(message);
        await sender.CloseAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.CloseAsync();
}
