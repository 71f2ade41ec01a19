using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Salesforce.Limits;

internal static partial class LimitsLogs
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Org {OrgId}: the /limits poll failed: {Detail}. Its saturation metrics are Error until a poll succeeds.")]
    public static partial void PollFailed(ILogger logger, string orgId, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "The /limits poller's round failed; it tries again next interval.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
