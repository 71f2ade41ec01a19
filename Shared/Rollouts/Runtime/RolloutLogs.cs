using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Rollouts.Runtime;

internal static partial class RolloutLogs
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Rollout {RolloutId} ({Key}) started: {Orgs} orgs in {Waves} waves")]
    public static partial void Started(ILogger logger, string rolloutId, string key, int orgs, int waves);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Rollout {Key}: {Event} moved {From} -> {To} with {Effects} effects")]
    public static partial void Stepped(ILogger logger, string key, string @event, Deciding.RolloutPhase from, Deciding.RolloutPhase to, int effects);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Rollout {Key}: step lost an ETag race (attempt {Attempt}); deciding again")]
    public static partial void Raced(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Rollout {Key}: outbox dispatch failed; the sweep will retry")]
    public static partial void DispatchFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Rollout {Key}: wave {Wave} watches started ({Created} new of {Orgs}) in {Milliseconds} ms")]
    public static partial void WaveStarted(ILogger logger, string key, int wave, int created, int orgs, long milliseconds);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Rollout {Key}: starting wave {Wave} watches failed; its next check starts them")]
    public static partial void WaveStartFailed(ILogger logger, string key, int wave, Exception exception);
}
