using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Deployments;
using ReleaseWatch.Outbox;
using ReleaseWatch.Storage;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

internal sealed class TableWatchStore(ITableProvider tables) : IWatchStore
{
    // Table Storage takes at most 100 operations in one entity-group transaction (Azurite does not enforce it).
    private const int MaxTransactionOperations = 100;

    public async Task<StoredWatch?> GetAsync(string watchId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(watchId, WatchRows.StateRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? new StoredWatch(WatchRows.ReadState(response.Value!), response.Value!.ETag) : null;
    }

    public async Task<bool> CreateAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        var actions = Step(decision, outbox, new TableTransactionAction(TableTransactionActionType.Add, WatchRows.State(decision.State)));
        var table = await Table(cancellationToken);
        try
        {
            // Listed before it exists: a crash in between leaves an index row whose watch is missing, which lists nothing.
            if (!decision.State.Phase.IsCompleted())
            {
                await table.UpsertEntityAsync(OpenWatchIndex.Row(decision.State), TableUpdateMode.Replace, cancellationToken);
            }

            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ETag> SaveAsync(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, ETag etag, CancellationToken cancellationToken)
    {
        var actions = Step(decision, outbox, new TableTransactionAction(TableTransactionActionType.UpdateReplace, WatchRows.State(decision.State), etag));
        var table = await Table(cancellationToken);
        ETag saved;
        try
        {
            // The state row is the transaction's first operation: its response carries the row's new ETag.
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            saved = response.Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            // 412: the state row's ETag moved on; 409: this history version was written by a racing step.
            throw new WatchConcurrencyException(decision.State.WatchId, ex);
        }

        if (decision.State.Phase.IsCompleted())
        {
            // Unlisted after it completed: a crash in between leaves a row that the next listing removes.
            await OpenWatchIndex.RemoveAsync(table, decision.State.Org.Id, decision.State.WatchId, cancellationToken);
        }

        return saved;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string watchId, CancellationToken cancellationToken)
    {
        var rows = await RangeAsync(watchId, WatchRows.HistoryPrefix, cancellationToken);
        return [.. rows.Select(WatchRows.ReadHistory)];
    }

    public async Task<IReadOnlyList<OutboxItem>> GetOutboxAsync(string watchId, CancellationToken cancellationToken)
    {
        var rows = await RangeAsync(watchId, OutboxRow.RowKeyPrefix, cancellationToken);
        return [.. rows.Select(OutboxRow.FromEntity)];
    }

    public async Task<WatchPage> ListAsync(string? orgId, WatchPhase? phase, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = StateFilter(orgId, phase);
        var table = await Table(cancellationToken);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            var watches = page.Values.Select(WatchRows.ReadState).OrderByDescending(w => w.UpdatedAt).ToList();
            return new WatchPage(watches, page.ContinuationToken);
        }

        return new WatchPage([], null);
    }

    /// <summary>By the org's index partition: one query and a point read per listed watch, whatever the org's history.</summary>
    public async Task<IReadOnlyList<WatchState>> ListOpenAsync(string orgId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var listed = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(OpenWatchIndex.Filter(orgId), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            listed.Add(row.RowKey);
        }

        var states = await Task.WhenAll(listed.Select(id => GetAsync(id, cancellationToken)));
        var open = new List<WatchState>();
        foreach (var (id, stored) in listed.Zip(states))
        {
            if (stored is { State: var state } && !state.Phase.IsCompleted())
            {
                open.Add(state);
            }
            else if (stored is not null)
            {
                await OpenWatchIndex.RemoveAsync(table, orgId, id, cancellationToken);
            }
        }

        return open;
    }

    private static string StateFilter(string? orgId, WatchPhase? phase)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WatchRows.StateRowKey}");
        if (orgId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"OrgKey eq {SalesforceOrgId.Key(orgId)}");
        }

        if (phase is { } p)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Phase eq {p.ToString()}");
        }

        return filter;
    }

    private static List<TableTransactionAction> Step(WatchDecision decision, IReadOnlyList<OutboxItem> outbox, TableTransactionAction state)
    {
        var actions = new List<TableTransactionAction>(2 + outbox.Count)
        {
            state,
            new(TableTransactionActionType.Add, WatchRows.History(decision)),
        };
        actions.AddRange(outbox.Select(item => new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.ToEntity(item))));
        if (actions.Count > MaxTransactionOperations)
        {
            throw new InvalidOperationException(
                $"Watch {decision.State.WatchId}: one step would write {actions.Count} rows; a transaction holds at most {MaxTransactionOperations}.");
        }

        return actions;
    }

    private async Task<List<TableEntity>> RangeAsync(string watchId, string prefix, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {prefix} and RowKey lt {upper}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(TableNames.Watches, cancellationToken);
}
