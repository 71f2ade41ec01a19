namespace ReleaseWatch.Functions;

/// <summary>Log lines of the HTTP and trigger endpoints (event ids kept from when they lived in Intake).</summary>
internal static partial class ApiLogs
{
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Request refused on {Path}: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Event Grid subscription validated ({Schema})")]
    public static partial void Validated(ILogger logger, string schema);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Event {EventType} ignored: not a ReleaseWatch.DeploymentCompleted")]
    public static partial void IgnoredEvent(ILogger logger, string eventType);
}
