using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// One subscriber per org across instances: a lease row (leases table, PartitionKey "signal-capture",
/// RowKey = org id) holding the owner and an expiry, taken and renewed with its ETag; and a heartbeat row per capture
/// instance (PartitionKey "capture-instances|{fleet}"), so instances can share the orgs out (<see cref="Salesforce.CaptureShare"/>).
/// </summary>
internal sealed class SignalLeaseStore(ITableProvider tables, TimeProvider time)
{
    private const string Partition = "signal-capture";

    /// <summary>The capture instances alive per fleet (PartitionKey "capture-instances|{fleet}", RowKey = owner, with an expiry): how many share the orgs.</summary>
    private const string InstancePartition = "capture-instances|";

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

    /// <summary>
    /// Says this capture instance of <paramref name="fleet"/> (the instances streaming the same orgs) is alive until
    /// <paramref name="duration"/> from now, and returns every instance of the fleet alive now (itself included).
    /// </summary>
    public async Task<IReadOnlySet<string>> HeartbeatAsync(string fleet, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Leases, cancellationToken);
        var now = time.GetUtcNow();
        var partition = InstancePartition + fleet;
        var self = InstanceKey(owner);
        await table.UpsertEntityAsync(new TableEntity(partition, self) { ["ExpiresAt"] = now + duration }, TableUpdateMode.Replace, cancellationToken);
        var alive = new HashSet<string>(StringComparer.Ordinal) { self };
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", "ExpiresAt"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("ExpiresAt") > now)
            {
                alive.Add(row.RowKey);
            }
            else if (row.GetDateTimeOffset("ExpiresAt") < now - TimeSpan.FromDays(1))
            {
                // An instance gone for a day: its row only slows the query down.
                await DeleteIfThereAsync(table, partition, row.RowKey, cancellationToken);
            }
        }

        return alive;
    }

    /// <summary>A clean stop: the instance is gone at once, so the others take its share without waiting for its heartbeat to expire.</summary>
    public async Task LeaveAsync(string fleet, string owner, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Leases, cancellationToken);
        await DeleteIfThereAsync(table, InstancePartition + fleet, InstanceKey(owner), cancellationToken);
    }

    /// <summary>An owner id as a row key ('/', '\\', '#', '?' and control characters may not appear in one).</summary>
    private static string InstanceKey(string owner) => string.Concat(owner.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '|' : c));

    private static async Task DeleteIfThereAsync(TableClient table, string partition, string key, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, key, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
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
