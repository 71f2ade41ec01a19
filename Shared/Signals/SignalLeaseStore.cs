using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// One subscriber per org across instances: a lease row (leases table, PartitionKey "signal-capture",
/// RowKey = org id) holding the owner and an expiry, taken and renewed with its ETag.
/// </summary>
internal sealed class SignalLeaseStore(ITableProvider tables, TimeProvider time)
{
    private const string Partition = "signal-capture";

    /// <summary>Takes or renews the lease; false when another live owner holds it.</summary>
    public async Task<bool> TryAcquireAsync(string orgId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Leases, cancellationToken);
        var now = time.GetUtcNow();
        var row = new TableEntity(Partition, orgId) { ["Owner"] = owner, ["ExpiresAt"] = now + duration };
        try
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, orgId, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                await table.AddEntityAsync(row, cancellationToken);
                return true;
            }

            var current = existing.Value!;
            if (current.GetString("Owner") != owner && current.GetDateTimeOffset("ExpiresAt") > now)
            {
                return false;
            }

            await table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance took or renewed it between our read and write.
            return false;
        }
    }

    /// <summary>Lets the lease go at once (clean stop), so another instance need not wait for the expiry.</summary>
    public async Task ReleaseAsync(string orgId, string owner, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Leases, cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, orgId, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("Owner") == owner)
        {
            try
            {
                await table.DeleteEntityAsync(Partition, orgId, existing.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Already gone or taken over: nothing of ours to release.
            }
        }
    }
}
