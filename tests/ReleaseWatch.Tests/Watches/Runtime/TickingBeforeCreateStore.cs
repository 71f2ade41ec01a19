using Azure;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>The real store, with a ticker pass squeezed in between a new watch's timers and its first step.</summary>
internal sealed class TickingBeforeCreateStore(IWatchStore inner, Func<Task> tick) : IWatchStore
{
    public Task<StoredWatch?> GetAsync(string watchId, CancellationToken cancellationToken) => inner.GetAsync(watchId, cancellationToken);

    public async Task<bool> CreateAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        await tick();
        return await inner.CreateAsync(decision, outbox, cancellationToken);
    }

    public Task<ETag> SaveAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken) =>
        inner.SaveAsync(decision, outbox, etag, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string watchId, CancellationToken cancellationToken) => inner.GetHistoryAsync(watchId, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> GetOutboxAsync(string watchId, CancellationToken cancellationToken) => inner.GetOutboxAsync(watchId, cancellationToken);

    public Task<WatchPage> ListAsync(string? orgId, WatchPhase? phase, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        inner.ListAsync(orgId, phase, pageSize, continuationToken, cancellationToken);

    public Task<IReadOnlyList<WatchState>> ListOpenAsync(string orgId, CancellationToken cancellationToken) => inner.ListOpenAsync(orgId, cancellationToken);
}
