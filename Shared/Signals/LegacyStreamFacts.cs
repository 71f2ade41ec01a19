using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// Health and gap rows that versions before the facts moved beside the counts kept in the streams table ("health|{channel}",
/// "gap|{channel}|{from ticks}"): moved into the signals table ("Health|…", "Gap|…") once per process, on first use, so a
/// check reads counts and facts in one query and no gap recorded before an upgrade is forgotten. A health row already
/// reported at the new place is newer and kept; the move is idempotent, so two instances moving at once is harmless.
/// </summary>
internal sealed class LegacyStreamFacts(ITableProvider tables)
{
    private const string GapPrefix = "gap|";
    private const string HealthPrefix = "health|";

    private readonly Lock _gate = new();
    private Task? _moving;
    private volatile bool _moved;

    public Task MoveAsync(CancellationToken cancellationToken)
    {
        if (_moved)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            // A failed move (storage down) is tried again by the next caller; a caller giving up does not stop it for the others.
            if (_moving is null || _moving.IsFaulted || _moving.IsCanceled)
            {
                _moving = RunAsync();
            }

            return _moving.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        var streams = await tables.GetAsync(TableNames.Streams, CancellationToken.None);
        var signals = await tables.GetAsync(TableNames.Signals, CancellationToken.None);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {GapPrefix} and RowKey lt {HealthPrefix + "~"}");
        await foreach (var row in streams.QueryAsync<TableEntity>(filter, cancellationToken: CancellationToken.None))
        {
            var health = row.RowKey.StartsWith(HealthPrefix, StringComparison.Ordinal);
            if (!health && !row.RowKey.StartsWith(GapPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var moved = new TableEntity(row.PartitionKey, (health ? "Health|" : "Gap|") + row.RowKey[(health ? HealthPrefix : GapPrefix).Length..]);
            foreach (var (name, value) in row)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    moved[name] = value;
                }
            }

            try
            {
                await (health ? signals.AddEntityAsync(moved, CancellationToken.None) : signals.UpsertEntityAsync(moved, TableUpdateMode.Replace, CancellationToken.None));
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // The stream reported its health at the new place since: that report is the newer one.
            }

            try
            {
                await streams.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, CancellationToken.None);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Another instance moved it first.
            }
        }

        _moved = true;
    }
}
