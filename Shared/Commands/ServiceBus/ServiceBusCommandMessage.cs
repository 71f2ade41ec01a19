using Azure.Messaging.ServiceBus;

namespace ReleaseWatch.Commands.ServiceBus;

/// <summary>
/// A command as a <see cref="ServiceBusMessage"/>, with exactly the properties of the AMQP transport's
/// message (<see cref="CommandMessage"/>): message-id = commandId (Service Bus drops a resend as a duplicate),
/// session id (group-id) = org id, correlation-id = deployment id, subject = type, content-type application/json.
/// </summary>
internal static class ServiceBusCommandMessage
{
    public static ServiceBusMessage Create(ReleaseCommand command)
    {
        var message = new ServiceBusMessage(CommandMessage.Body(command))
        {
            MessageId = command.CommandId,
            SessionId = command.Org.Id,
            CorrelationId = command.Deployment.Id,
            Subject = CommandMessage.TypeName(command.Type),
            ContentType = CommandMessage.ContentType,
        };
        // Set before the SDK sees the message: it then keeps this trace context rather than starting its own.
        foreach (var (key, value) in CommandMessage.ApplicationProperties(command).Concat(CommandMessage.TraceProperties()))
        {
            message.ApplicationProperties[key] = value;
        }

        return message;
    }
}
