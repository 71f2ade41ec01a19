using Azure.Data.Tables;
using ReleaseWatch.Outbox;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Outbox;

/// <summary>Writes outbox rows as the watch workflow does in its decision transaction, and reads them back.</summary>
public sealed class OutboxTable(AzuritePeer azurite)
{
    private readonly TableClient _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableNames.Watches);

    public async Task AddAsync(OutboxItem item)
    {
        await _table.CreateIfNotExistsAsync();
        await _table.AddEntityAsync(OutboxRow.ToEntity(item));
    }

    public async Task<OutboxItem> GetAsync(string watchId, string itemId) =>
        OutboxRow.FromEntity((await _table.GetEntityAsync<TableEntity>(watchId, OutboxRow.RowKeyOf(itemId))).Value);

    /// <summary>Removes a row a test leaves Pending on purpose, so later sweeps of the shared table do not see it.</summary>
    public async Task DeleteAsync(string watchId, string itemId) =>
        await _table.DeleteEntityAsync(watchId, OutboxRow.RowKeyOf(itemId));
}
