using Microsoft.Extensions.Logging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

internal static partial class WatchLogs
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Watch {WatchId} started for org {OrgId}, deployment {DeploymentId}, policy {Policy}")]
    public static partial void Started(ILogger logger, string watchId, string orgId, string deploymentId, string policy);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Watch {WatchId}: {Event} moved {From} -> {To} with {Effects} effects")]
    public static partial void Stepped(ILogger logger, string watchId, string @event, WatchPhase from, WatchPhase to, int effects);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Watch {WatchId}: step lost an ETag race (attempt {Attempt}); deciding again")]
    public static partial void Raced(ILogger logger, string watchId, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Watch {WatchId}: outbox dispatch failed; the sweep will retry")]
    public static partial void DispatchFailed(ILogger logger, string watchId, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Timer {Kind} of watch {WatchId} failed (attempt {Attempts}); it is retried when its claim expires, until it is given up")]
    public static partial void TimerFailed(ILogger logger, string watchId, WatchTimerKind kind, int attempts, Exception exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "The timer rows of a tick of {Timers} timers could not be written; its timers fire again when their claims expire and restore what their watches expect")]
    public static partial void TimerWritesFailed(ILogger logger, int timers, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Timer {Kind} of watch {WatchId} failed {Attempts} times and was given up; the watch records the error and the platform owner is alerted")]
    public static partial void TimerAbandoned(ILogger logger, string watchId, WatchTimerKind kind, int attempts);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Watch {WatchId} superseded by {ByWatchId}")]
    public static partial void Superseded(ILogger logger, string watchId, string byWatchId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Nudge for org {OrgId} failed on watch {WatchId}")]
    public static partial void NudgeFailed(ILogger logger, string orgId, string watchId, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Ticker pass failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Watch {WatchId}: outcome listener {Listener} failed; it reconciles later")]
    public static partial void ListenerFailed(ILogger logger, string watchId, string listener, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Ticker sweep {Sweep} failed; the next pass runs it again")]
    public static partial void SweepFailed(ILogger logger, string sweep, Exception exception);
}
