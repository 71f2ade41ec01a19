namespace ReleaseWatch.Watches.Events;

/// <summary>A decision timer (deadline, response timeout) came due. Check timers become <see cref="SignalsJudged"/>.</summary>
public sealed record TimerFired(WatchTimerKind Kind, DateTimeOffset DueAt) : WatchEvent;
