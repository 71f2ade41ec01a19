using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Commands;

/// <summary>Sends commands to a generic AMQP 1.0 broker over the shared connection; returns only once the broker accepted the message.</summary>
internal sealed class AmqpCommandSender(
    AmqpBrokerConnection connection,
    IOptions<ServiceBusOptions> options,
    ILogger<AmqpCommandSender> logger) : ICommandSender
{
    public async Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken)
    {
        var message = CommandMessage.Create(command);
        try
        {
            var sender = await connection.GetSenderAsync(options.Value.CommandsQueue, cancellationToken).ConfigureAwait(false);
            await sender.SendAsync(message, options.Value.SendTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
            ServiceBusLogs.CommandSent(logger, command.CommandId, CommandMessage.TypeName(command.Type), command.Org.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServiceBusLogs.CommandSendFailed(logger, command.CommandId, ex.Message);
            await connection.ResetAsync().ConfigureAwait(false);
            throw;
        }
    }
}
