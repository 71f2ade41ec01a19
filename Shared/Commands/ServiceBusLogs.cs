using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Commands;

internal static partial class ServiceBusLogs
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Connected to the AMQP broker at {Host}.")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Closing a broken AMQP broker connection failed: {Reason}.")]
    public static partial void CloseFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Command {CommandId} ({Type}) accepted by the broker for org {OrgId}.")]
    public static partial void CommandSent(ILogger logger, string commandId, string type, string orgId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Sending command {CommandId} to the AMQP broker failed; the connection will be reopened: {Reason}.")]
    public static partial void CommandSendFailed(ILogger logger, string commandId, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Command result dead-lettered ({Condition}): {Reason}.")]
    public static partial void ResultRejected(ILogger logger, string condition, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Command result for {CommandId} stored: {Status}.")]
    public static partial void ResultStored(ILogger logger, string commandId, CommandResultStatus status);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "The command results receiver on the AMQP broker failed and will reconnect in {Delay}: {Reason}.")]
    public static partial void ReceiverFailed(ILogger logger, TimeSpan delay, string reason);
}
