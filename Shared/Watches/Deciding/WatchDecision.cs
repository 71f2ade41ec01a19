
namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// The outcome of one step: the new state, the effects to carry out, and a sentence for the history.
/// <see cref="Changed"/> is false when the event changed nothing (a stale timer, a repeated result): nothing is stored.
/// </summary>
public sealed record WatchDecision(WatchState State, WatchEvent Event, IReadOnlyList<WatchEffect> Effects, string Note, bool Changed);
