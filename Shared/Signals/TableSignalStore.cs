using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Signals.Values;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Signals;

/// <summary>
/// Per (org, signal, minute) buckets and failure evidence in Table Storage. A bucket counts an event only if
/// its replay id is above the highest it has counted from that channel (Salesforce orders replay ids per
/// channel; within one batch they are counted in ascending order whatever the delivery order), and each bucket
/// changes with its ETag, so redelivery and racing writers never double count.
/// </summary>
internal sealed class TableSignalStore(ITableProvider tables, StreamStateStore streams) : ISignalReader, ISignalEvidenceReader
{
    /// <summary>Counts a batch: one conditional bucket update per (signal, minute), in parallel across buckets.</summary>
    public async Task CountAsync(string orgId, IReadOnlyCollection<SignalOccurrence> occurrences, CancellationToken cancellationToken)
    {
        if (occurrences.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var groups = occurrences.GroupBy(o => (o.Signal, Minute: SignalKeys.Minute(o.OccurredAt)));
        await Task.WhenAll(groups.Select(g => CountBucketAsync(table, SignalKeys.Bucket(orgId, g.Key.Signal), g.Key.Minute, [.. g], cancellationToken)));
    }

    public async Task KeepEvidenceAsync(IReadOnlyCollection<SignalEvidence> evidence, CancellationToken cancellationToken)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Evidence, cancellationToken);
        // One transaction per partition and at most 100 rows (Table Storage's limit; Azurite does not enforce it).
        var chunks = evidence.Select(EvidenceEntity.From)
            .DistinctBy(e => (e.PartitionKey, e.RowKey))
            .GroupBy(e => e.PartitionKey)
            .SelectMany(g => g.Chunk(100));
        await Task.WhenAll(chunks.Select(chunk =>
            table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)));
    }

    public async Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Signals, cancellationToken);
        var partition = SignalKeys.Bucket(orgId, signal);
        var low = SignalKeys.Minute(from);
        var high = SignalKeys.Minute(to);
        var counts = new SortedDictionary<DateTimeOffset, long>();
        var values = new ValueStatistics();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey le {high}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count", .. ValueColumns.Names], cancellationToken: cancellationToken))
        {
            var minute = SignalKeys.ParseMinute(row.RowKey);
            if (minute >= SignalKeys.MinuteStart(from) && minute < to)
            {
                counts[minute] = row.GetInt64("Count") ?? 0;
                values.Merge(ValueColumns.Read(row));
            }
        }

        var (channels, gaps) = await streams.ReadSourcesAsync(orgId, signal, from, to, cancellationToken);
        return new SignalWindow(orgId, signal, from, to, counts, channels, gaps) { Values = values };
    }

    async Task<IReadOnlyList<SignalEvidence>> ISignalEvidenceReader.ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken)
    {
        var found = new List<SignalEvidence>();
        await foreach (var row in EvidenceAsync(orgId, signal, from, to, Math.Min(max, 1000), cancellationToken))
        {
            found.Add(row);
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    async Task<ErrorTallies> ISignalEvidenceReader.TallyAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int maxErrors, CancellationToken cancellationToken)
    {
        // Every failure event keeps one evidence row (keyed by channel and replay id, so redelivery never adds one):
        // counting the rows of the span is counting the occurrences, up to a scan limit that bounds one alert's cost.
        var rows = new List<SignalEvidence>();
        var complete = true;
        await foreach (var row in EvidenceAsync(orgId, signal, from, to, 1000, cancellationToken))
        {
            if (rows.Count >= MaxTalliedRows)
            {
                complete = false;
                break;
            }

            rows.Add(row);
        }

        return ErrorTallies.Of(rows, maxErrors, samplesPerError: 3, complete);
    }

    /// <summary>The most evidence rows one tally reads; past it the counts are lower bounds.</summary>
    internal const int MaxTalliedRows = 20_000;

    private async IAsyncEnumerable<SignalEvidence> EvidenceAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Evidence, cancellationToken);
        var partition = SignalKeys.Bucket(orgId, signal);
        // Row keys start with inverted ticks: newest first, and the window is a key range.
        var low = EvidenceEntity.TimeKey(to);
        var high = EvidenceEntity.TimeKey(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {low} and RowKey le {high + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken))
        {
            yield return EvidenceEntity.ToEvidence(row, orgId, signal);
        }
    }

    private static async Task CountBucketAsync(TableClient table, string partition, string minute, IReadOnlyList<SignalOccurrence> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, minute, cancellationToken: cancellationToken);
            var bucket = existing.HasValue ? existing.Value! : new TableEntity(partition, minute) { ["Count"] = 0L };
            var added = 0L;
            ValueStatistics? values = null;
            // Ascending replay ids: a batch delivered out of order (shuffled, descending) must not skip the lower ids
            // arriving after a higher one. Across batches, Salesforce's per-channel order is what the marks rely on.
            foreach (var occurrence in batch.OrderBy(o => o.ReplayId))
            {
                var property = SignalKeys.ReplayProperty(occurrence.Channel);
                var highest = bucket.GetInt64(property) ?? long.MinValue;
                if (occurrence.ReplayId > highest)
                {
                    bucket[property] = occurrence.ReplayId;
                    added++;
                    if (occurrence.Value is { } reading)
                    {
                        values ??= ValueColumns.Read(bucket);
                        values.Add(reading, occurrence.OccurredAt);
                    }
                }
            }

            if (added == 0)
            {
                return;
            }

            bucket["Count"] = (bucket.GetInt64("Count") ?? 0) + added;
            if (values is not null)
            {
                ValueColumns.Write(bucket, values);
            }

            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(bucket, bucket.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(bucket, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer changed the bucket first: read it again and recount against its replay ids.
            }
        }
    }

    private static class EvidenceEntity
    {
        public static string TimeKey(DateTimeOffset at) =>
            (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

        public static TableEntity From(SignalEvidence e) => new(SignalKeys.Bucket(e.OrgId, e.Signal),
            TimeKey(e.OccurredAt) + "|" + SignalKeys.Channel(e.Channel) + "|" + e.ReplayId.ToString(CultureInfo.InvariantCulture))
        {
            ["Channel"] = e.Channel,
            ["ReplayId"] = e.ReplayId,
            ["OccurredAt"] = e.OccurredAt,
            ["Type"] = e.Type,
            ["Message"] = e.Message,
            ["Source"] = e.Source,
            ["RecordIds"] = string.Join(',', e.RecordIds),
        };

        public static SignalEvidence ToEvidence(TableEntity row, string orgId, string signal) => new(
            orgId, signal, row.GetString("Channel") ?? "", row.GetInt64("ReplayId") ?? 0, row.GetDateTimeOffset("OccurredAt") ?? default,
            row.GetString("Type"), row.GetString("Message"), row.GetString("Source"),
            (row.GetString("RecordIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>
/// One event to count: which signal, from which channel and replay id, in which minute; for a value signal also its
/// reading (a number, or skipped), kept in the bucket's value columns in the same write as the count.
/// </summary>
internal sealed record SignalOccurrence(string Signal, string Channel, long ReplayId, DateTimeOffset OccurredAt, ValueReading? Value = null);
