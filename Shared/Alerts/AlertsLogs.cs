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
}
