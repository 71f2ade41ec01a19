using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Intake;

internal static partial class IntakeLogs
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Deployment accepted via {Via}: watch {WatchId} (new: {Created})")]
    public static partial void Accepted(ILogger logger, string watchId, bool created, string via);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Deployment refused via {Via}: org {OrgId} is not configured")]
    public static partial void UnknownOrg(ILogger logger, string orgId, string via);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Deployment refused via {Via}: policy {Policy} is not configured")]
    public static partial void UnknownPolicy(ILogger logger, string policy, string via);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Request refused on {Path}: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Watch {WatchId} superseded by {ByWatchId}")]
    public static partial void Superseded(ILogger logger, string watchId, string byWatchId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Event Grid subscription validated ({Schema})")]
    public static partial void Validated(ILogger logger, string schema);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Event {EventType} ignored: not a ReleaseWatch.DeploymentCompleted")]
    public static partial void IgnoredEvent(ILogger logger, string eventType);
}
