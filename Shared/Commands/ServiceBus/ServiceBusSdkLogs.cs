using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Commands.ServiceBus;

internal static partial class ServiceBusSdkLogs
{
    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Sending command {CommandId} to Service Bus failed after the SDK's retries ({Reason}): {Message}")]
    public static partial void CommandSendFailed(ILogger logger, string commandId, string reason, string message);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Storing the command result in message {MessageId} failed; it is abandoned for redelivery in {Delay}: {Message}")]
    public static partial void ResultStoreFailed(ILogger logger, string messageId, TimeSpan delay, string message);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Warning, Message = "The command results processor hit an error ({Source} on {Entity}, {Reason}); the SDK reconnects: {Message}")]
    public static partial void ProcessorError(ILogger logger, string source, string entity, string reason, string message);
}
