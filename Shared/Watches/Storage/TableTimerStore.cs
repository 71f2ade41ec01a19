using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// Timers in one partition ordered by due time (row key "yyyyMMddHHmmssfff|watch|kind"), so "what is due"
/// is a single range query.
/// </summary>
internal sealed class TableTimerStore(ITableProvider tables) : ITimerStore
{
    private const string Partition = "due";

    public async Task ScheduleAsync(string watchId, IEnumerable<WatchTimer> timers, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        foreach (var timer in timers)
        {
            var entity = new TableEntity(Partition, RowKey(watchId, timer))
            {
                ["WatchId"] = watchId,
                ["Kind"] = timer.Kind.ToString(),
                ["DueAt"] = timer.DueAt,
                ["ClaimedUntil"] = DateTimeOffset.MinValue,
            };
            // Upsert: writing the same timer twice (a retried step) is harmless; an existing claim is kept.
            await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        var upper = Stamp(now) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey le {upper}");
        var claimed = new List<DueTimer>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (claimed.Count >= max)
            {
                break;
            }

            if ((row.GetDateTimeOffset("ClaimedUntil") ?? DateTimeOffset.MinValue) > now)
            {
                continue; // another ticker holds it; if that ticker dies, the claim expires
            }

            var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
            row["ClaimedUntil"] = now + claimFor;
            row["Attempts"] = attempts;
            try
            {
                var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                var timer = new WatchTimer(Enum.Parse<WatchTimerKind>(row.GetString("Kind")), row.GetDateTimeOffset("DueAt")!.Value);
                claimed.Add(new DueTimer(row.GetString("WatchId"), timer, row.RowKey, response.Headers.ETag!.Value, attempts));
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Another ticker claimed or completed it first.
            }
        }

        return claimed;
    }

    public async Task CompleteAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Partition, timer.RowKey, timer.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Already completed, or re-claimed after our claim expired: the other ticker finishes it.
        }
    }

    private static string RowKey(string watchId, WatchTimer timer) => $"{Stamp(timer.DueAt)}|{watchId}|{timer.Kind}";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
}
