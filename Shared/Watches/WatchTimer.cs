namespace ReleaseWatch.Watches;

/// <summary>A wake-up the watch expects. A timer row the state does not expect is stale and ignored.</summary>
public sealed record WatchTimer(WatchTimerKind Kind, DateTimeOffset DueAt);
