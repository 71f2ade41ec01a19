using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Dependencies;

internal static partial class DependencyLogs
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Org {OrgId}: dependency '{Dependency}' probe failed: {Detail}.")]
    public static partial void ProbeFailed(ILogger logger, string orgId, string dependency, string detail);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Org {OrgId}: dependency '{Dependency}' could not be probed: {Detail}. Its metrics are Error until a probe can be made.")]
    public static partial void ProbeNotMade(ILogger logger, string orgId, string dependency, string detail);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "The dependency probes' round failed; they try again next interval.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
