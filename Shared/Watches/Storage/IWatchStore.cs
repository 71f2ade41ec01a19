using Azure;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// Watches in Table Storage: one partition per watch holding the state row, history rows and outbox rows.
/// Every step is one entity-group transaction: a crash keeps the whole step or none of it.
/// </summary>
public interface IWatchStore
{
    Task<StoredWatch?> GetAsync(string watchId, CancellationToken cancellationToken);

    /// <summary>Stores a new watch's first step. False when the watch already exists (a repeated delivery).</summary>
    Task<bool> CreateAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a step and returns the state row's new ETag. Throws <see cref="WatchConcurrencyException"/> when the state
    /// moved on since <paramref name="etag"/>.
    /// </summary>
    Task<ETag> SaveAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string watchId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxItem>> GetOutboxAsync(string watchId, CancellationToken cancellationToken);

    /// <summary>Watches filtered by org and phase, newest update first within a page.</summary>
    Task<WatchPage> ListAsync(string? orgId, WatchPhase? phase, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The org's watches that are not completed.</summary>
    Task<IReadOnlyList<WatchState>> ListOpenAsync(string orgId, CancellationToken cancellationToken);
}

/// <summary>A watch's state as stored, with the ETag a later update must match.</summary>
public sealed record StoredWatch(WatchState State, ETag ETag);

/// <summary>A page of watches and the token for the next one (null at the end).</summary>
public sealed record WatchPage(IReadOnlyList<WatchState> Watches, string? ContinuationToken);

/// <summary>Another step updated the watch first (its ETag moved on): reload and decide again.</summary>
public sealed class WatchConcurrencyException(string watchId, Exception inner)
    : Exception($"Watch {watchId} was changed by another step; reload and decide again.", inner);

/// <summary>One history row: the event, when it was decided, the phase it led to, what was decided and why.</summary>
public sealed record HistoryEntry(int Version, DateTimeOffset At, WatchPhase Phase, WatchEvent Event, IReadOnlyList<WatchEffect> Effects, string Note);
