using System.Collections.Concurrent;
using System.Diagnostics;
using Amqp;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// The deploy agent's side of the broker: takes every command from release-commands as it arrives (with the
/// moment it arrived) and answers on release-command-results.
/// </summary>
public sealed class CommandQueue : IAsyncDisposable
{
    private readonly Connection _connection;
    private readonly Session _session;
    private readonly ReceiverLink _commands;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private CommandQueue(Connection connection)
    {
        _connection = connection;
        _session = new Session(connection);
        _commands = new ReceiverLink(_session, "e2e-agent-" + Guid.NewGuid().ToString("N"), "/amq/queue/release-commands");
        _receiving = ReceiveAsync();
    }

    /// <summary>Every command received so far, with its Stopwatch timestamp.</summary>
    public ConcurrentQueue<(long At, Message Message)> Received { get; } = new();

    public static async Task<CommandQueue> ConnectAsync(RabbitMqPeer rabbit) =>
        new(await new ConnectionFactory().CreateAsync(new Address(rabbit.AmqpUrl)));

    /// <summary>The first command whose correlation id (the deployment id) is <paramref name="deploymentId"/>.</summary>
    public async Task<(long At, Message Message)> WaitForAsync(string deploymentId, TimeSpan deadline)
    {
        await Eventually.WaitUntilAsync(() => Received.Any(r => r.Message.Properties?.CorrelationId == deploymentId), deadline,
            $"a command for deployment {deploymentId} on release-commands");
        return Received.First(r => r.Message.Properties?.CorrelationId == deploymentId);
    }

    public IReadOnlyList<Message> For(string deploymentId) =>
        [.. Received.Where(r => r.Message.Properties?.CorrelationId == deploymentId).Select(r => r.Message)];

    /// <summary>Sends a result as the deploy agent would: a JSON body on release-command-results.</summary>
    public async Task SendResultAsync(string json)
    {
        var sender = new SenderLink(_session, "e2e-agent-results-" + Guid.NewGuid().ToString("N"), "/amq/queue/release-command-results");
        await sender.SendAsync(new Message(json) { Properties = new Amqp.Framing.Properties { ContentType = "application/json" } });
        await sender.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        await _connection.CloseAsync();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Message? message;
            try
            {
                message = await _commands.ReceiveAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (AmqpException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (message is null)
            {
                continue;
            }

            Received.Enqueue((Stopwatch.GetTimestamp(), message));
            _commands.Accept(message);
        }
    }
}
