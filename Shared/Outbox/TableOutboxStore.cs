using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Outbox;

/// <summary>Reads and updates outbox rows in the watches table; every update is conditional on the row's ETag.</summary>
internal sealed class TableOutboxStore(ITableProvider tables)
{
    private const string RowKeyEnd = "outbox.";

    public async Task<IReadOnlyList<OutboxEntry>> PendingOfAsync(string watchId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {watchId} and RowKey ge {OutboxRow.RowKeyPrefix} and RowKey lt {RowKeyEnd} and Status eq {nameof(OutboxItemStatus.Pending)}");
        return await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxEntry>> PendingAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxRow.RowKeyPrefix} and RowKey lt {RowKeyEnd} and Status eq {nameof(OutboxItemStatus.Pending)}");
        return await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the row if nobody changed it since it was read; returns the new entry, or null when another dispatcher got there first.</summary>
    public async Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, OutboxItem updated, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Watches, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.UpdateEntityAsync(OutboxRow.ToEntity(updated), entry.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new OutboxEntry(updated, response.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<OutboxEntry>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Watches, cancellationToken).ConfigureAwait(false);
        var entries = new List<OutboxEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new OutboxEntry(OutboxRow.FromEntity(entity), entity.ETag));
        }

        return entries;
    }
}

/// <summary>An outbox row as read, with the ETag its update must match.</summary>
internal sealed record OutboxEntry(OutboxItem Item, ETag ETag);
