using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Commands.ServiceBus;

/// <summary>
/// Sends commands to "release-commands" with the SDK's <see cref="ServiceBusSender"/>; returns only once
/// Service Bus accepted the message. The SDK reconnects and retries transient failures itself.
/// </summary>
internal sealed class ServiceBusCommandSender(
    ServiceBusClient client,
    IOptions<ServiceBusOptions> options,
    ILogger<ServiceBusCommandSender> logger) : ICommandSender, IAsyncDisposable
{
    private readonly ServiceBusSender _sender = client.CreateSender(options.Value.CommandsQueue);

    public async Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await _sender.SendMessageAsync(ServiceBusCommandMessage.Create(command), cancellationToken).ConfigureAwait(false);
            ServiceBusLogs.CommandSent(logger, command.CommandId, CommandMessage.TypeName(command.Type), command.Org.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServiceBusSdkLogs.CommandSendFailed(logger, command.CommandId, ReasonOf(ex), ex.Message);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private static string ReasonOf(Exception ex) => ex switch
    {
        ServiceBusException sb => sb.Reason.ToString(),
        UnauthorizedAccessException => "Unauthorized",
        _ => ex.GetType().Name,
    };
}
