using Azure;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>The real store, with a kill point before and after each write.</summary>
internal sealed class CrashingWatchStore(IWatchStore inner, CrashPlan plan) : IWatchStore
{
    public Task<StoredWatch?> GetAsync(string watchId, CancellationToken cancellationToken) => inner.GetAsync(watchId, cancellationToken);

    public async Task<bool> CreateAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        plan.Point("before create");
        var created = await inner.CreateAsync(decision, outbox, cancellationToken);
        plan.Point("after create");
        return created;
    }

    public async Task<ETag> SaveAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken)
    {
        plan.Point("before save");
        var saved = await inner.SaveAsync(decision, outbox, etag, cancellationToken);
        plan.Point("after save");
        return saved;
    }

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string watchId, CancellationToken cancellationToken) => inner.GetHistoryAsync(watchId, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> GetOutboxAsync(string watchId, CancellationToken cancellationToken) => inner.GetOutboxAsync(watchId, cancellationToken);

    public Task<WatchPage> ListAsync(string? orgId, WatchPhase? phase, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        inner.ListAsync(orgId, phase, pageSize, continuationToken, cancellationToken);

    public Task<IReadOnlyList<WatchState>> ListOpenAsync(string orgId, CancellationToken cancellationToken) => inner.ListOpenAsync(orgId, cancellationToken);
}
