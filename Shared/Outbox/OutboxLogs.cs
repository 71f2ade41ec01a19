using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Outbox;

internal static partial class OutboxLogs
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Outbox {Kind} {ItemId} of watch {WatchId} delivered after {Attempts} attempt(s).")]
    public static partial void Delivered(ILogger logger, OutboxItemKind kind, string itemId, string watchId, int attempts);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Outbox {Kind} {ItemId} of watch {WatchId} failed attempt {Attempts}; next at {NextAttemptAt}: {Reason}")]
    public static partial void Retrying(ILogger logger, OutboxItemKind kind, string itemId, string watchId, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Outbox {Kind} {ItemId} of watch {WatchId} given up after {Attempts} attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, OutboxItemKind kind, string itemId, string watchId, int attempts, string reason);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Debug, Message = "Outbox {ItemId} of watch {WatchId} is being delivered by another dispatcher.")]
    public static partial void ClaimedElsewhere(ILogger logger, string itemId, string watchId);
}
