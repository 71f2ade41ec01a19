using System.Diagnostics;
using System.Text;
using Amqp;
using Amqp.Framing;
using Amqp.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Commands;

/// <summary>
/// Standalone mode on a generic AMQP 1.0 broker: receives "release-command-results", settles a message only after the watch stored
/// it, dead-letters what is malformed or unknown, and outlives any failure by reconnecting.
/// </summary>
internal sealed class CommandResultReceiver(
    AmqpBrokerConnection connection,
    CommandResultIntake intake,
    IOptions<ServiceBusOptions> options,
    TimeProvider time,
    ILogger<CommandResultReceiver> logger) : BackgroundService
{
    // Short, so a stop waits at most this long for the pending receive (it takes no cancellation token).
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        ReceiverLink? receiver = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (receiver is null || receiver.IsClosed)
                {
                    receiver = await connection.CreateReceiverAsync(options.Value.ResultsQueue, stoppingToken).ConfigureAwait(false);
                }

                var message = await receiver.ReceiveAsync(Poll).ConfigureAwait(false);
                if (message is not null)
                {
                    await SettleAsync(receiver, message, stoppingToken).ConfigureAwait(false);
                }

                backOff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                ServiceBusLogs.ReceiverFailed(logger, backOff, ex.Message);
                receiver = null;
                await connection.ResetAsync().ConfigureAwait(false);
                try
                {
                    await Task.Delay(backOff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    private async Task SettleAsync(ReceiverLink receiver, Message message, CancellationToken cancellationToken)
    {
        // Continues the deploy agent's trace when its result carries one; the watch step it causes links here.
        using var receive = ReleaseWatchTelemetry.StartChildOf("receive command result",
            TraceParent.FromMessage(name => message.ApplicationProperties?.Map.TryGetValue(name, out var value) == true ? value : null), ActivityKind.Consumer);
        CommandResultDisposition disposition;
        try
        {
            disposition = await intake.TakeAsync(BodyOf(message), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Storing failed: hand the message back for redelivery rather than lose or dead-letter it.
            receiver.Release(message);
            throw;
        }

        if (disposition.Accepted)
        {
            receiver.Accept(message);
        }
        else
        {
            receiver.Reject(message, new Error(new Symbol(disposition.Condition)) { Description = disposition.Reason });
        }
    }

    private static string BodyOf(Message message) => message.Body switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        null => "",
        var other => other.ToString() ?? "",
    };
}
