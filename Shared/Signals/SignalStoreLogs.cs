using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Signals;

internal static partial class SignalStoreLogs
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Signals of org {OrgId} not stored ({Events} events gathered); trying again next flush")]
    public static partial void FlushFailed(ILogger logger, string orgId, int events, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Signals of org {OrgId} not stored at shutdown ({Events} events): they are counted when the stream replays from its checkpoint")]
    public static partial void DroppedAtShutdown(ILogger logger, string orgId, int events, Exception exception);
}
