using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Alerts;

internal static partial class AlertsLogs
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Alert {AlertId} delivered to Teams.")]
    public static partial void TeamsDelivered(ILogger logger, string alertId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Alert {AlertId} mailed to {Count} recipients.")]
    public static partial void EmailDelivered(ILogger logger, string alertId, int count);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Alert {AlertId} has no email recipients for severity {Severity}; nothing sent.")]
    public static partial void NoRecipients(ILogger logger, string alertId, AlertSeverity severity);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Alert {AlertId}: its chart could not be drawn; sent without it.")]
    public static partial void ChartFailed(ILogger logger, Exception exception, string alertId);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Alert {AlertId}: with its chart the Teams message would be {Bytes} bytes (limit {Limit}); sent without the chart.")]
    public static partial void ChartTooLarge(ILogger logger, string alertId, int bytes, int limit);
}
