using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Intake;

/// <summary>
/// Signatures in the "requests" table, one row each (with the time it was received): an insert
/// that finds the row already there is a replay. Inserts are atomic, so two instances never both take one request.
/// </summary>
internal sealed class TableSignedRequestLedger(ITableProvider tables) : ISignedRequestLedger
{
    private const string Partition = "signatures";

    // Table Storage takes at most 100 operations in one entity-group transaction (Azurite does not enforce it).
    private const int MaxTransactionOperations = 100;

    public async Task<bool> TryRecordAsync(string signature, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Requests, cancellationToken);
        // The timestamp is inside the signature, so the same signature can only recur within the skew window:
        // one row key per signature is enough; the partition is only for housekeeping.
        var entity = new TableEntity(Partition, signature.ToLowerInvariant()) { ["ReceivedAt"] = receivedAt };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Requests, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ReceivedAt lt {before}");
        var old = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxTransactionOperations, ["RowKey"], cancellationToken))
        {
            old.Add(row.RowKey);
            if (old.Count >= max)
            {
                break;
            }
        }

        foreach (var batch in old.Chunk(MaxTransactionOperations))
        {
            try
            {
                await table.SubmitTransactionAsync(batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, key), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another instance pruned one of them first: delete the rest one by one (a missing row is no error).
                foreach (var key in batch)
                {
                    await table.DeleteEntityAsync(Partition, key, ETag.All, cancellationToken);
                }
            }
        }

        return old.Count;
    }
}
