using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// The outcome of one rollout step: the new state, its effects (the watch's own <see cref="SendCommand"/> and
/// <see cref="RaiseAlert"/>, carried by the same outbox) and a sentence for the history. Unchanged steps store nothing.
/// </summary>
/// <remarks><see cref="StartWave"/>: the wave whose watches the runner starts (idempotently) once the step is stored.</remarks>
public sealed record RolloutDecision(RolloutState State, RolloutEvent Event, IReadOnlyList<WatchEffect> Effects, string Note, bool Changed)
{
    public int? StartWave { get; init; }
}

/// <summary>An event that cannot apply to the rollout as it is. The message says what probably happened.</summary>
public sealed class RolloutTransitionException(string message) : InvalidOperationException(message);
