using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Intake.Sources;

/// <summary>Log lines of the native sources. Secrets and credentials are never logged; delivery ids are.</summary>
internal static partial class SourcesLogs
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Delivery {Delivery} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string delivery, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Delivery {Delivery} from {Source} maps to no configured org")]
    public static partial void Unmapped(ILogger logger, string source, string delivery);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "DevOps Center org {OrgId}: subscribed to {Channel} from replay id {ReplayId}")]
    public static partial void Subscribed(ILogger logger, string orgId, string channel, long replayId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "DevOps Center org {OrgId}: stream ended ({Reason}); reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, Exception? exception, string orgId, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "DevOps Center org {OrgId}: event {ReplayId} not taken: {Outcome} {Detail}")]
    public static partial void EventRefused(ILogger logger, string orgId, long replayId, string outcome, string detail);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "DevOps Center org {OrgId}: replay id {ReplayId} rejected ({Error}); resuming with new events only")]
    public static partial void ReplayRejected(ILogger logger, string orgId, long replayId, string? error);
}
