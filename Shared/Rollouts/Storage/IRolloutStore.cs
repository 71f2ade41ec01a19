using Azure;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Rollouts.Storage;

/// <summary>
/// Rollouts in the watches table, one partition per rollout (key "r…"): the state row, history rows and the outbox rows
/// the watch's dispatcher delivers. Every step is one entity-group transaction.
/// </summary>
public interface IRolloutStore
{
    Task<StoredRollout?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a new rollout's first step. False when it already exists (a repeated request).</summary>
    Task<bool> CreateAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken);

    /// <summary>Stores a step; throws <see cref="RolloutConcurrencyException"/> when the state moved on since <paramref name="etag"/>.</summary>
    Task SaveAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<RolloutHistoryEntry>> GetHistoryAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A rollout's state as stored, with the ETag a later update must match.</summary>
public sealed record StoredRollout(RolloutState State, ETag ETag);

/// <summary>One history row: the event, when, the phase it led to, its effects and why.</summary>
public sealed record RolloutHistoryEntry(int Version, DateTimeOffset At, RolloutPhase Phase, RolloutEvent Event, IReadOnlyList<Watches.Deciding.WatchEffect> Effects, string Note);

/// <summary>Another step updated the rollout first: reload and decide again.</summary>
public sealed class RolloutConcurrencyException(string key, Exception inner)
    : Exception($"Rollout {key} was changed by another step; reload and decide again.", inner);
