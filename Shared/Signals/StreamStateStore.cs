using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// Per-org stream rows (PartitionKey = org id): in the signals table, beside the counts they cover, "checkpoint|{channel}"
/// (last counted replay id), "Health|{channel}" (state, detail, newest event and lag, each as its own subscriber last
/// reported them) and "Gap|{channel}|{from ticks}" (spans that may miss events); in the streams table "start|{channel}"
/// (when a channel with no checkpoint was first subscribed for new events only). The health and gap keys sort right after
/// the minute rows (digits, then "G", "H"), so a check's one range query from its first minute reads the counts and the
/// facts about the streams that carried them together. Health and gap rows stored in the streams table by earlier
/// versions are moved once, on first use.
/// </summary>
internal sealed class StreamStateStore(ITableProvider tables, TimeProvider time, ISignalSources sources)
{
    private const string CheckpointPrefix = "checkpoint|";
    private const string GapPrefix = "Gap|";
    private const string HealthPrefix = "Health|";

    /// <summary>The first row key of an org's stream facts in the signals table (after every minute row).</summary>
    public const string FactsStart = GapPrefix;

    /// <summary>The row key past an org's stream facts in the signals table.</summary>
    public const string FactsEnd = HealthPrefix + "~";

    private readonly LegacyStreamFacts _legacy = new(tables);

    public async Task<IReadOnlyDictionary<string, StreamCheckpoint>> ReadCheckpointsAsync(string orgId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StreamCheckpoint>(StringComparer.Ordinal);
        // Checkpoints saved before they moved beside the counts (streams table) still count, unless a newer one replaced them.
        await foreach (var row in RowsAsync(TableNames.Streams, orgId, CheckpointPrefix, cancellationToken))
        {
            result[row.GetString("Channel") ?? ""] = Checkpoint(row);
        }

        await foreach (var row in RowsAsync(TableNames.Signals, orgId, CheckpointPrefix, cancellationToken))
        {
            result[row.GetString("Channel") ?? ""] = Checkpoint(row);
        }

        return result;
    }

    /// <summary>Advances checkpoints (one transaction); call only after the counts they cover are stored.</summary>
    public async Task SaveCheckpointsAsync(string orgId, IReadOnlyDictionary<string, long> replayIds, CancellationToken cancellationToken)
    {
        if (replayIds.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        foreach (var part in replayIds.Chunk(100))
        {
            await table.SubmitTransactionAsync(part.Select(pair => new TableTransactionAction(TableTransactionActionType.UpsertMerge, CheckpointEntity(orgId, pair.Key, pair.Value))), cancellationToken);
        }
    }

    /// <summary>
    /// A checkpoint row, kept in the signals table beside the org's counts so that one transaction stores a batch's
    /// counts and the checkpoint that covers them (PartitionKey = org id, RowKey = "checkpoint|{channel}").
    /// </summary>
    public TableEntity CheckpointEntity(string orgId, string channel, long replayId) =>
        new(orgId, CheckpointPrefix + SignalKeys.Channel(channel)) { ["Channel"] = channel, ["ReplayId"] = replayId, ["SavedAt"] = time.GetUtcNow() };

    private static StreamCheckpoint Checkpoint(TableEntity row) => new(row.GetInt64("ReplayId") ?? -1, row.GetDateTimeOffset("SavedAt") ?? default);

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
        await foreach (var row in RowsAsync(TableNames.Streams, orgId, "start|", cancellationToken))
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
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var row = new TableEntity(orgId, HealthPrefix + SignalKeys.Channel(channel))
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
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(orgId, $"{GapPrefix}{SignalKeys.Channel(gap.Channel)}|{gap.From.UtcTicks:D19}")
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

    private async Task<IReadOnlyList<ChannelHealth>> ReadChannelsAsync(string orgId, IReadOnlyDictionary<string, StreamCheckpoint>? checkpoints, CancellationToken cancellationToken)
    {
        await _legacy.MoveAsync(cancellationToken);
        var result = new List<ChannelHealth>();
        await foreach (var row in RowsAsync(TableNames.Signals, orgId, HealthPrefix, cancellationToken))
        {
            result.Add(Health(row, checkpoints));
        }

        return result;
    }

    public async Task<IReadOnlyList<SignalGap>> ReadGapsAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await _legacy.MoveAsync(cancellationToken);
        var gaps = new List<SignalGap>();
        await foreach (var row in RowsAsync(TableNames.Signals, orgId, GapPrefix, cancellationToken))
        {
            var gap = Gap(row);
            if (gap.From < to && gap.To >= from)
            {
                gaps.Add(gap);
            }
        }

        return gaps;
    }

    /// <summary>
    /// Every channel's last report and every gap of the org among <paramref name="rows"/>, rows of the org's partition in the
    /// signals table read (after <see cref="MoveLegacyFactsAsync"/>) by a query that reached <see cref="FactsEnd"/>; other rows are skipped.
    /// </summary>
    public static (IReadOnlyList<ChannelHealth> Channels, IReadOnlyList<SignalGap> Gaps) Facts(IEnumerable<TableEntity> rows)
    {
        var channels = new List<ChannelHealth>();
        var gaps = new List<SignalGap>();
        foreach (var row in rows)
        {
            if (row.RowKey.StartsWith(GapPrefix, StringComparison.Ordinal))
            {
                gaps.Add(Gap(row));
            }
            else if (row.RowKey.StartsWith(HealthPrefix, StringComparison.Ordinal))
            {
                channels.Add(Health(row, checkpoints: null));
            }
        }

        return (channels, gaps);
    }

    /// <summary>
    /// Moves the health and gap rows earlier versions kept in the streams table beside the counts, once per process (later
    /// calls return at once): call before reading facts, or a fact still stored there would go unseen.
    /// </summary>
    public Task MoveLegacyFactsAsync(CancellationToken cancellationToken) => _legacy.MoveAsync(cancellationToken);

    /// <summary>
    /// The last reports of the streams that feed <paramref name="signal"/> and their gaps in [from, to): a broken CDC
    /// stream does not make Apex errors unjudgeable. A signal that no reported stream can feed is judged on all of the
    /// org's streams, since nothing says which one it would come from. Facts only: the judge decides what they mean.
    /// </summary>
    public (IReadOnlyList<ChannelHealth> Channels, IReadOnlyList<SignalGap> Gaps) Sources(
        string orgId, string signal, IReadOnlyList<ChannelHealth> channels, IReadOnlyList<SignalGap> gaps, DateTimeOffset from, DateTimeOffset to)
    {
        var inSpan = gaps.Where(g => g.From < to && g.To >= from).ToList();
        var feeding = channels.Where(c => sources.CanFeed(orgId, c.Channel, signal)).ToList();
        return feeding.Count == 0
            ? (channels, inSpan)
            : (feeding, [.. inSpan.Where(g => sources.CanFeed(orgId, g.Channel, signal))]);
    }

    private static ChannelHealth Health(TableEntity row, IReadOnlyDictionary<string, StreamCheckpoint>? checkpoints)
    {
        var channel = row.GetString("Channel") ?? "";
        var lag = row.GetDouble("LagSeconds") is double seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new ChannelHealth(channel, Enum.Parse<StreamState>(row.GetString("State") ?? nameof(StreamState.Stopped)), row.GetString("Detail") is { Length: > 0 } detail ? detail : null,
            row.GetDateTimeOffset("UpdatedAt") ?? default, row.GetDateTimeOffset("NewestEventAt"), lag,
            checkpoints is not null && checkpoints.TryGetValue(channel, out var checkpoint) ? checkpoint.ReplayId : null);
    }

    private static SignalGap Gap(TableEntity row) =>
        new(row.GetString("Channel") ?? "", row.GetDateTimeOffset("From") ?? default, row.GetDateTimeOffset("To") ?? default, row.GetString("Reason") ?? "");

    private async IAsyncEnumerable<TableEntity> RowsAsync(string tableName, string orgId, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }
}

/// <summary>The last counted replay id of an (org, channel) and when it was saved.</summary>
internal sealed record StreamCheckpoint(long ReplayId, DateTimeOffset SavedAt);
