using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// Per-org stream rows in the streams table (PartitionKey = org id): "checkpoint|{channel}" (last counted
/// replay id), "start|{channel}" (when a channel with no checkpoint was first subscribed for new events only),
/// "health|{channel}" (state, detail, newest event and lag, each as its own subscriber last reported them) and
/// "gap|{channel}|{from ticks}" (spans that may miss events).
/// </summary>
internal sealed class StreamStateStore(ITableProvider tables, TimeProvider time, ISignalSources sources)
{
    public async Task<IReadOnlyDictionary<string, StreamCheckpoint>> ReadCheckpointsAsync(string orgId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StreamCheckpoint>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync(orgId, "checkpoint|", cancellationToken))
        {
            result[row.GetString("Channel") ?? ""] = new StreamCheckpoint(row.GetInt64("ReplayId") ?? -1, row.GetDateTimeOffset("SavedAt") ?? default);
        }

        return result;
    }

    /// <summary>Advances checkpoints; call only after the counts they cover are stored.</summary>
    public async Task SaveCheckpointsAsync(string orgId, IReadOnlyDictionary<string, long> replayIds, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Streams, cancellationToken);
        var now = time.GetUtcNow();
        await Task.WhenAll(replayIds.Select(pair => table.UpsertEntityAsync(
            new TableEntity(orgId, "checkpoint|" + SignalKeys.Channel(pair.Key)) { ["Channel"] = pair.Key, ["ReplayId"] = pair.Value, ["SavedAt"] = now },
            TableUpdateMode.Merge, cancellationToken)));
    }

    /// <summary>
    /// When <paramref name="channel"/>, having no checkpoint, was first subscribed for new events only: a later
    /// session resumes it from all retained events and leaves those before this time uncounted. The first record wins.
    /// </summary>
    public async Task RecordStreamStartAsync(string orgId, string channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Streams, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(orgId, "start|" + SignalKeys.Channel(channel)) { ["Channel"] = channel, ["Since"] = at }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier session: the earliest start is the one that counts.
        }
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadStreamStartsAsync(string orgId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var row in RowsAsync(orgId, "start|", cancellationToken))
        {
            if (row.GetDateTimeOffset("Since") is { } since)
            {
                result[row.GetString("Channel") ?? ""] = since;
            }
        }

        return result;
    }

    /// <summary>
    /// Records a channel's state. A null <paramref name="detail"/> clears the previous one (a recovered channel keeps no
    /// old error); a null <paramref name="newestEventAt"/> keeps the channel's last newest event and lag.
    /// </summary>
    public async Task ReportAsync(string orgId, string channel, StreamState state, string? detail, DateTimeOffset? newestEventAt, TimeSpan? lag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Streams, cancellationToken);
        var row = new TableEntity(orgId, "health|" + SignalKeys.Channel(channel))
        {
            ["Channel"] = channel,
            ["State"] = state.ToString(),
            // A merge skips null properties, which would keep the old text: an empty string is "no detail".
            ["Detail"] = detail ?? "",
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        if (newestEventAt is not null)
        {
            row["NewestEventAt"] = newestEventAt;
            row["LagSeconds"] = lag?.TotalSeconds ?? 0;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RecordGapAsync(string orgId, SignalGap gap, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Streams, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(orgId, $"gap|{SignalKeys.Channel(gap.Channel)}|{gap.From.UtcTicks:D19}")
        {
            ["Channel"] = gap.Channel,
            ["From"] = gap.From,
            ["To"] = gap.To,
            ["Reason"] = gap.Reason,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Each reported channel's state, lag and checkpoint (for the org signals API).</summary>
    public async Task<IReadOnlyList<ChannelHealth>> ReadChannelsAsync(string orgId, CancellationToken cancellationToken) =>
        await ReadChannelsAsync(orgId, await ReadCheckpointsAsync(orgId, cancellationToken), cancellationToken);

    /// <summary>Without checkpoints (null) when only the reports are needed: the judge reads them for every signal window.</summary>
    private async Task<IReadOnlyList<ChannelHealth>> ReadChannelsAsync(string orgId, IReadOnlyDictionary<string, StreamCheckpoint>? checkpoints, CancellationToken cancellationToken)
    {
        var result = new List<ChannelHealth>();
        await foreach (var row in RowsAsync(orgId, "health|", cancellationToken))
        {
            var channel = row.GetString("Channel") ?? "";
            var lag = row.GetDouble("LagSeconds") is double seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            result.Add(new ChannelHealth(channel, Enum.Parse<StreamState>(row.GetString("State") ?? nameof(StreamState.Stopped)), row.GetString("Detail") is { Length: > 0 } detail ? detail : null,
                row.GetDateTimeOffset("UpdatedAt") ?? default, row.GetDateTimeOffset("NewestEventAt"), lag,
                checkpoints is not null && checkpoints.TryGetValue(channel, out var checkpoint) ? checkpoint.ReplayId : null));
        }

        return result;
    }

    public async Task<IReadOnlyList<SignalGap>> ReadGapsAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var gaps = new List<SignalGap>();
        await foreach (var row in RowsAsync(orgId, "gap|", cancellationToken))
        {
            var gap = new SignalGap(row.GetString("Channel") ?? "", row.GetDateTimeOffset("From") ?? default, row.GetDateTimeOffset("To") ?? default, row.GetString("Reason") ?? "");
            if (gap.From < to && gap.To >= from)
            {
                gaps.Add(gap);
            }
        }

        return gaps;
    }

    /// <summary>
    /// The last reports of the streams that feed <paramref name="signal"/> and their gaps in [from, to): a broken CDC
    /// stream does not make Apex errors unjudgeable. A signal that no reported stream can feed is judged on all of the
    /// org's streams, since nothing says which one it would come from. Facts only: the judge decides what they mean.
    /// </summary>
    public async Task<(IReadOnlyList<ChannelHealth> Channels, IReadOnlyList<SignalGap> Gaps)> ReadSourcesAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var channelsRead = ReadChannelsAsync(orgId, checkpoints: null, cancellationToken);
        var gaps = await ReadGapsAsync(orgId, from, to, cancellationToken);
        var channels = await channelsRead;
        var feeding = channels.Where(c => sources.CanFeed(orgId, c.Channel, signal)).ToList();
        return feeding.Count == 0
            ? (channels, gaps)
            : (feeding, [.. gaps.Where(g => sources.CanFeed(orgId, g.Channel, signal))]);
    }

    private async IAsyncEnumerable<TableEntity> RowsAsync(string orgId, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Streams, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }
}

/// <summary>The last counted replay id of an (org, channel) and when it was saved.</summary>
internal sealed record StreamCheckpoint(long ReplayId, DateTimeOffset SavedAt);
