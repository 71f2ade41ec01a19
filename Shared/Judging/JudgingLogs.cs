using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Judging;

internal static partial class JudgingLogs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Policies loaded: {Names}")]
    public static partial void PoliciesLoaded(this ILogger logger, string names);
}
