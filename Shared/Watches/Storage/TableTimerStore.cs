using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// Timers in one partition ordered by due time (row key "yyyyMMddHHmmssfff|watch|kind"), so "what is due"
/// is a single range query, and a tick's claims, completions and next timers are a few transactions.
/// </summary>
internal sealed class TableTimerStore(ITableProvider tables) : ITimerStore
{
    private const string Partition = "due";

    // Table Storage takes at most 100 operations in one entity-group transaction (Azurite does not enforce it).
    private const int MaxTransactionOperations = 100;

    public async Task ScheduleAsync(string watchId, IEnumerable<WatchTimer> timers, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        foreach (var timer in timers)
        {
            // Upsert: writing the same timer twice (a retried step) is harmless.
            await table.UpsertEntityAsync(Entity(watchId, timer), TableUpdateMode.Merge, cancellationToken);
        }
    }

    private static TableEntity Entity(string watchId, WatchTimer timer) => new(Partition, RowKey(watchId, timer))
    {
        ["WatchId"] = watchId,
        ["Kind"] = timer.Kind.ToString(),
        ["DueAt"] = timer.DueAt,
        ["ClaimedUntil"] = DateTimeOffset.MinValue,
    };

    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        var upper = Stamp(now) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey le {upper}");
        var free = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (free.Count >= max)
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
            free.Add(row);
        }

        var claimed = new List<DueTimer>(free.Count);
        foreach (var part in free.Chunk(MaxTransactionOperations))
        {
            try
            {
                // All of a part claimed in one transaction, each row on its ETag: a row another ticker claimed first fails the
                // part, which is then claimed row by row.
                var response = await table.SubmitTransactionAsync(part.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, row.ETag)), cancellationToken);
                claimed.AddRange(part.Zip(response.Value, (row, reply) => Due(row, reply.Headers.ETag!.Value)));
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
            {
                foreach (var row in part)
                {
                    try
                    {
                        var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                        claimed.Add(Due(row, response.Headers.ETag!.Value));
                    }
                    catch (RequestFailedException one) when (one.Status is 412 or 404)
                    {
                        // Another ticker claimed or completed it first.
                    }
                }
            }
        }

        return claimed;
    }

    public async Task ApplyAsync(TimerWrites writes, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Timers, cancellationToken);
        var part = new List<(WatchTimerWrites Watch, List<TableTransactionAction> Actions)>();
        var inPart = 0;
        foreach (var watch in writes.Drain())
        {
            foreach (var timer in watch.Restored)
            {
                try
                {
                    await table.AddEntityAsync(Entity(watch.WatchId, timer), cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // There already, perhaps claimed by a ticker firing it now: kept as it is.
                }
            }

            // A fired timer its watch expects again is rescheduled (its claim cleared), not deleted.
            var keys = watch.Scheduled.Select(t => RowKey(watch.WatchId, t)).ToHashSet(StringComparer.Ordinal);
            var rows = watch with { Completed = [.. watch.Completed.Where(c => !keys.Contains(c.RowKey))] };
            var actions = rows.Scheduled.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertMerge, Entity(rows.WatchId, t)))
                .Concat(rows.Completed.Select(c => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, c.RowKey), c.ETag)))
                .ToList();
            if (inPart + actions.Count > MaxTransactionOperations)
            {
                await SubmitAsync(table, part, cancellationToken);
                part.Clear();
                inPart = 0;
            }

            part.Add((rows, actions));
            inPart += actions.Count;
        }

        await SubmitAsync(table, part, cancellationToken);
    }

    /// <summary>One transaction for whole watches' rows (a watch's next timer and its fired one commit together); row by row if any fails.</summary>
    private async Task SubmitAsync(TableClient table, List<(WatchTimerWrites Watch, List<TableTransactionAction> Actions)> part, CancellationToken cancellationToken)
    {
        var actions = part.SelectMany(p => p.Actions).ToList();
        if (actions.Count == 0)
        {
            return;
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            // A fired timer was re-claimed after this ticker's claim expired, or completed already: each row on its own.
            foreach (var (watch, _) in part)
            {
                await ScheduleAsync(watch.WatchId, watch.Scheduled, cancellationToken);
                foreach (var timer in watch.Completed)
                {
                    await CompleteAsync(timer, cancellationToken);
                }
            }
        }
    }

    private static DueTimer Due(TableEntity row, ETag etag) =>
        new(row.GetString("WatchId"), new WatchTimer(Enum.Parse<WatchTimerKind>(row.GetString("Kind")), row.GetDateTimeOffset("DueAt")!.Value), row.RowKey, etag, row.GetInt32("Attempts") ?? 1);

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
