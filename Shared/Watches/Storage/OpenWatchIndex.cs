using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Deployments;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// The org's open watches by key, in the watches table: PartitionKey "org|{org key}", one row per watch (RowKey = the
/// watch id). A row is written before its watch is created and removed after the watch completes, so a listing never
/// misses an open watch; it reads each listed watch's state to confirm, and drops rows whose watch has completed.
/// </summary>
internal static class OpenWatchIndex
{
    private const string Prefix = "org|";

    public static TableEntity Row(WatchState state) => new(Partition(state.Org.Id), state.WatchId) { ["OrgId"] = state.Org.Id };

    public static string Filter(string orgId) => TableClient.CreateQueryFilter($"PartitionKey eq {Partition(orgId)}");

    public static async Task RemoveAsync(TableClient table, string orgId, string watchId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition(orgId), watchId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already removed (by another listing, or the step that completed it).
        }
    }

    private static string Partition(string orgId) => Prefix + SalesforceOrgId.Key(orgId);
}
