using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// Captured signals in Table Storage, one partition per org in the signals table: a row per minute holding every
/// signal's count, values and error fingerprint counts (<see cref="SignalMinuteRow"/>), the sampled evidence
/// (<see cref="EvidenceRows"/>) and the replay checkpoints. A write stores a batch's rows, samples and checkpoints in one
/// entity-group transaction, each known row changed with its ETag: redelivery and racing writers never double count, and a
/// checkpoint never runs ahead of the counts it covers. The rows last written are kept (with their ETags), so a write
/// reads nothing unless another writer got there first. A check reads every signal of its span in one range query.
/// </summary>
internal sealed class TableSignalStore(ITableProvider tables, StreamStateStore streams, IOptions<SignalStoreOptions>? options = null) : ISignalReader, ISignalEvidenceReader
{
    // Table Storage takes at most 100 operations in one entity-group transaction (Azurite does not enforce it).
    private const int MaxTransactionOperations = 100;
    private const int MaxAttempts = 20;

    private readonly SignalRowCache _cache = new();
    private readonly int _samplesPerFingerprint = options?.Value.EvidencePerFingerprint ?? new SignalStoreOptions().EvidencePerFingerprint;

    /// <summary>Counts occurrences that keep no evidence and advance no checkpoint (org limits, seeds).</summary>
    public Task CountAsync(string orgId, IReadOnlyCollection<SignalOccurrence> occurrences, CancellationToken cancellationToken) =>
        StoreAsync(orgId, occurrences, [], new Dictionary<string, long>(), cancellationToken);

    /// <summary>
    /// Stores what a batch (or a flush of several) holds: its counts, the first few of each error fingerprint per minute
    /// as evidence, and the replay checkpoints, which advance in the same transaction as the counts they cover.
    /// </summary>
    public async Task StoreAsync(string orgId, IReadOnlyCollection<SignalOccurrence> occurrences, IReadOnlyCollection<SignalEvidence> evidence,
        IReadOnlyDictionary<string, long> checkpoints, CancellationToken cancellationToken)
    {
        if (occurrences.Count == 0 && checkpoints.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var minutes = occurrences.Select(o => SignalKeys.MinuteStart(o.OccurredAt)).Distinct().ToList();
        var org = _cache.For(orgId);
        await org.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (attempt > 1)
                {
                    await LoadAsync(table, org, minutes, cancellationToken);
                }

                var rows = org.Rows(minutes);
                var merged = SignalMerge.Apply(rows, occurrences, evidence, _samplesPerFingerprint);
                var written = merged.Changed.Select(row => row.ToEntity(orgId)).ToList();
                var actions = merged.Samples.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EvidenceRows.From(e)))
                    .Concat(merged.Changed.Zip(written, (row, entity) => row.ETag is { } etag
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
                        : new TableTransactionAction(TableTransactionActionType.Add, entity)))
                    .Concat(checkpoints.Select(pair => new TableTransactionAction(TableTransactionActionType.UpsertMerge, streams.CheckpointEntity(orgId, pair.Key, pair.Value))))
                    .ToList();
                try
                {
                    // One transaction at most 100 operations, the checkpoints last: a later part never commits before an earlier one.
                    var etags = new List<ETag>(actions.Count);
                    foreach (var part in actions.Chunk(MaxTransactionOperations))
                    {
                        var response = await table.SubmitTransactionAsync(part, cancellationToken);
                        etags.AddRange(response.Value.Select(r => r.Headers.ETag ?? default));
                    }

                    org.Written(written, etags.Skip(merged.Samples.Count).Take(written.Count).ToList());
                    return;
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
                {
                    // Another writer changed a row first (or made one this writer took as new): read them again and recount.
                }
            }
        }
        finally
        {
            org.Gate.Release();
        }
    }

    public async Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ReadMinutesAsync(orgId, from, to, cancellationToken)).Window(signal, from, to);

    public async Task<ISignalRange> ReadRangeAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await ReadMinutesAsync(orgId, from, to, cancellationToken);

    async Task<IReadOnlyList<SignalEvidence>> ISignalEvidenceReader.ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken)
    {
        var found = new List<SignalEvidence>();
        await foreach (var row in EvidenceAsync(orgId, signal, from, to, Math.Min(max, 1000), cancellationToken))
        {
            if (row.OccurredAt >= from && row.OccurredAt < to)
            {
                found.Add(row);
            }

            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// True totals per fingerprint from the minute rows (every counted occurrence), labels and samples from the kept evidence
    /// (at least one of each fingerprint in each minute it occurred). Minutes are whole: a span starting mid-minute counts that minute.
    /// </summary>
    async Task<ErrorTallies> ISignalEvidenceReader.TallyAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int maxErrors, CancellationToken cancellationToken)
    {
        var minutes = ReadRowsAsync(orgId, from, to, cancellationToken);
        var samples = new List<SignalEvidence>();
        await foreach (var row in EvidenceAsync(orgId, signal, SignalKeys.MinuteStart(from), to, 1000, cancellationToken))
        {
            samples.Add(row);
        }

        var totals = new Dictionary<string, FingerprintCount>(StringComparer.Ordinal);
        var first = SignalKeys.MinuteStart(from);
        foreach (var row in await minutes)
        {
            if (row.Minute >= first && row.Minute < to && row.Cells.TryGetValue(signal, out var cell))
            {
                foreach (var (key, count) in cell.Fingerprints)
                {
                    var total = totals.GetValueOrDefault(key);
                    totals[key] = new FingerprintCount(total.Count + count.Count, count.LastAt > total.LastAt ? count.LastAt : total.LastAt);
                }
            }
        }

        return ErrorTallies.FromCounts(totals, samples, maxErrors, samplesPerError: 3, complete: !totals.ContainsKey(SignalCell.OtherFingerprints));
    }

    /// <summary>
    /// The minute rows of [from, to] and the org's stream facts in one range query: the facts' keys sort right after the
    /// minute rows, so the query runs from the first minute to the end of the facts (minute rows after <paramref name="to"/>,
    /// events stamped ahead of this clock, are skipped).
    /// </summary>
    private async Task<SignalMinutes> ReadMinutesAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await streams.MoveLegacyFactsAsync(cancellationToken);
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var (low, high) = SignalMinuteRow.Range(from, to);
        var rows = new List<SignalMinuteRow>();
        var facts = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey ge {low} and RowKey lt {StreamStateStore.FactsEnd}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (SignalMinuteRow.IsMinuteRow(entity.RowKey))
            {
                if (string.CompareOrdinal(entity.RowKey, high) <= 0)
                {
                    rows.Add(SignalMinuteRow.From(entity));
                }
            }
            else
            {
                facts.Add(entity);
            }
        }

        var (channels, gaps) = StreamStateStore.Facts(facts);
        return new SignalMinutes(orgId, from, to, rows, channels, gaps, streams, this);
    }

    private async Task<IReadOnlyList<SignalMinuteRow>> ReadRowsAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var (low, high) = SignalMinuteRow.Range(from, to);
        var rows = new List<SignalMinuteRow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey ge {low} and RowKey le {high}"), cancellationToken: cancellationToken))
        {
            if (SignalMinuteRow.IsMinuteRow(entity.RowKey))
            {
                rows.Add(SignalMinuteRow.From(entity));
            }
        }

        return rows;
    }

    /// <summary>Reads the stored chunks of <paramref name="minutes"/> (one range query) into the org's kept rows.</summary>
    private static async Task LoadAsync(TableClient table, SignalRowCache.OrgRows org, IReadOnlyList<DateTimeOffset> minutes, CancellationToken cancellationToken)
    {
        if (minutes.Count == 0)
        {
            return;
        }

        var (low, high) = SignalMinuteRow.Range(minutes.Min(), minutes.Max());
        var found = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {org.OrgId} and RowKey ge {low} and RowKey le {high}"), cancellationToken: cancellationToken))
        {
            if (SignalMinuteRow.IsMinuteRow(entity.RowKey))
            {
                found.Add(entity);
            }
        }

        org.Loaded(minutes, found);
    }

    private async IAsyncEnumerable<SignalEvidence> EvidenceAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var (low, high) = EvidenceRows.Range(signal, from, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orgId} and RowKey gt {low} and RowKey le {high}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken))
        {
            yield return EvidenceRows.ToEvidence(row);
        }
    }
}

/// <summary>
/// One event to count: which signal, from which channel and replay id, in which minute; for a value signal also its
/// reading (a number, or skipped), kept in the row's value columns in the same write as the count.
/// </summary>
internal sealed record SignalOccurrence(string Signal, string Channel, long ReplayId, DateTimeOffset OccurredAt, Values.ValueReading? Value = null);
