using ReleaseWatch.Watches.Effects;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Watches.Storage;

/// <summary>One history row: the event, when it was decided, the phase it led to, what was decided and why.</summary>
public sealed record HistoryEntry(int Version, DateTimeOffset At, WatchPhase Phase, WatchEvent Event, IReadOnlyList<WatchEffect> Effects, string Note);
