using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Rollouts.Storage;

internal sealed class TableRolloutStore(ITableProvider tables) : IRolloutStore
{
    // Table Storage takes at most 100 operations in one entity-group transaction (Azurite does not enforce it).
    private const int MaxTransactionOperations = 100;

    public async Task<StoredRollout?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var response = await (await Table(cancellationToken)).GetEntityIfExistsAsync<TableEntity>(key, RolloutRows.StateRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? new StoredRollout(RolloutRows.ReadState(response.Value!), response.Value!.ETag) : null;
    }

    public async Task<bool> CreateAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        try
        {
            await Submit(decision, outbox, new TableTransactionAction(TableTransactionActionType.Add, RolloutRows.State(decision.State)), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task SaveAsync(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await Submit(decision, outbox, new TableTransactionAction(TableTransactionActionType.UpdateReplace, RolloutRows.State(decision.State), etag), cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new RolloutConcurrencyException(decision.State.Key, ex);
        }
    }

    public async Task<IReadOnlyList<RolloutHistoryEntry>> GetHistoryAsync(string key, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {RolloutRows.HistoryPrefix} and RowKey lt {"rh."}");
        var entries = new List<RolloutHistoryEntry>();
        await foreach (var row in (await Table(cancellationToken)).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(RolloutRows.ReadHistory(row));
        }

        return entries;
    }

    private async Task Submit(RolloutDecision decision, IReadOnlyList<OutboxItem> outbox, TableTransactionAction state, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions = [state, new(TableTransactionActionType.Add, RolloutRows.History(decision)), .. outbox.Select(item => new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.ToEntity(item)))];
        if (actions.Count > MaxTransactionOperations)
        {
            throw new InvalidOperationException($"Rollout {decision.State.Key}: one step would write {actions.Count} rows; a transaction holds at most {MaxTransactionOperations}.");
        }

        await (await Table(cancellationToken)).SubmitTransactionAsync(actions, cancellationToken);
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(TableNames.Watches, cancellationToken);
}
