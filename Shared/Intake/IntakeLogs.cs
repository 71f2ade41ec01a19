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

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Watch {WatchId} superseded by {ByWatchId}")]
    public static partial void Superseded(ILogger logger, string watchId, string byWatchId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Deployment refused via {Via}: completedAt {CompletedAt:o} is outside the accepted bounds")]
    public static partial void OutOfBounds(ILogger logger, DateTimeOffset completedAt, string via);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Requests table: {Count} signatures received before {Before:o} forgotten (outside the acceptance window)")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset before);
}
