using Azure;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;

namespace ReleaseWatch.Tests.Rollouts.Runtime;

/// <summary>The real store, killed once right after a step's transaction (the first one included) landed: what follows it (dispatch, starting watches) never runs.</summary>
internal sealed class CrashAfterSaveRolloutStore(IRolloutStore inner) : IRolloutStore
{
    public bool Armed { get; set; }

    public Task<StoredRollout?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async Task<bool> CreateAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        var created = await inner.CreateAsync(decision, outbox, cancellationToken);
        Crash();
        return created;
    }

    public async Task SaveAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(decision, outbox, etag, cancellationToken);
        Crash();
    }

    public Task<IReadOnlyList<RolloutHistoryEntry>> GetHistoryAsync(string key, CancellationToken cancellationToken) => inner.GetHistoryAsync(key, cancellationToken);

    private void Crash()
    {
        if (Armed)
        {
            Armed = false;
            throw new OperationCanceledException("killed after the step was stored");
        }
    }
}
