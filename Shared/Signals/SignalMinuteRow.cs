using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Signals;

/// <summary>
/// All of an org's signals in one minute, as one row of the signals table (PartitionKey = org id, RowKey =
/// "yyyyMMddHHmm|cc", cc the chunk): "S" lists the chunk's signals, "C{i}" is the count of the i-th, "V{i}_…" its value
/// columns (<see cref="ValueColumns"/>), "F{i}" its error fingerprint counts, and "R_{channel hex}" the highest replay id
/// the row has counted from each channel. A row takes new signals while it stays well inside Table Storage's
/// 252-property and 1 MiB limits; past them a minute gets another chunk. A window of every signal is one range query.
/// </summary>
internal sealed class SignalMinuteRow
{
    private const int MaxProperties = 180;
    private const int MaxBytes = 512 * 1024;

    private SignalMinuteRow(DateTimeOffset minute, int chunk, ETag? etag)
    {
        Minute = minute;
        Chunk = chunk;
        ETag = etag;
    }

    public DateTimeOffset Minute { get; }

    public int Chunk { get; }

    /// <summary>The stored row's ETag; null for a row not stored yet.</summary>
    public ETag? ETag { get; }

    public string RowKey => Key(Minute, Chunk);

    public List<string> Names { get; } = [];

    public Dictionary<string, SignalCell> Cells { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Marks { get; } = new(StringComparer.Ordinal);

    public static string Key(DateTimeOffset minute, int chunk) => SignalKeys.Minute(minute) + "|" + chunk.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The lowest and highest row keys of the minutes in [from, to].</summary>
    public static (string Low, string High) Range(DateTimeOffset from, DateTimeOffset to) => (SignalKeys.Minute(from) + "|", SignalKeys.Minute(to) + "|~");

    public static bool IsMinuteRow(string rowKey) => rowKey.Length == SignalKeys.MinuteFormat.Length + 3 && char.IsAsciiDigit(rowKey[0]) && rowKey[SignalKeys.MinuteFormat.Length] == '|';

    public static SignalMinuteRow New(DateTimeOffset minute, int chunk) => new(SignalKeys.MinuteStart(minute), chunk, null);

    public bool CanTake(ValueStatistics? values) =>
        Names.Count == 0 || (PropertyCount() + 10 <= MaxProperties && EstimatedBytes() + (values is null ? 64 : 48 * 1024) <= MaxBytes);

    public SignalCell Cell(string signal)
    {
        if (!Cells.TryGetValue(signal, out var cell))
        {
            Names.Add(signal);
            Cells[signal] = cell = new SignalCell();
        }

        return cell;
    }

    public static SignalMinuteRow From(TableEntity entity)
    {
        var key = entity.RowKey;
        var minute = SignalKeys.ParseMinute(key[..SignalKeys.MinuteFormat.Length]);
        var row = new SignalMinuteRow(minute, int.Parse(key.AsSpan(SignalKeys.MinuteFormat.Length + 1), CultureInfo.InvariantCulture), entity.ETag);
        var names = JsonSerializer.Deserialize(entity.GetString("S") ?? "[]", SignalsJsonContext.Dialect.ListString) ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            var cell = row.Cell(names[i]);
            cell.Count = entity.GetInt64($"C{i}") ?? 0;
            if (entity.ContainsKey($"V{i}_ValueCount"))
            {
                cell.Values = ValueColumns.Read(Unprefixed(entity, $"V{i}_"));
            }

            cell.ReadFingerprints(entity.GetString($"F{i}"));
        }

        foreach (var (property, value) in entity)
        {
            if (property.StartsWith("R_", StringComparison.Ordinal) && value is long replayId)
            {
                row.Marks[SignalKeys.ChannelOfReplayProperty(property)] = replayId;
            }
        }

        return row;
    }

    public TableEntity ToEntity(string orgId)
    {
        var entity = new TableEntity(orgId, RowKey) { ["S"] = JsonSerializer.Serialize(Names, SignalsJsonContext.Dialect.ListString) };
        for (var i = 0; i < Names.Count; i++)
        {
            var cell = Cells[Names[i]];
            entity[$"C{i}"] = cell.Count;
            if (cell.Values is { } values)
            {
                var columns = new TableEntity();
                ValueColumns.Write(columns, values);
                foreach (var (name, value) in columns)
                {
                    entity[$"V{i}_{name}"] = value;
                }
            }

            if (cell.Fingerprints.Count > 0)
            {
                entity[$"F{i}"] = cell.WriteFingerprints();
            }
        }

        foreach (var (channel, replayId) in Marks)
        {
            entity[SignalKeys.ReplayProperty(channel)] = replayId;
        }

        return entity;
    }

    private int PropertyCount() => 1 + Marks.Count + Cells.Values.Sum(c => 1 + (c.Values is null ? 0 : 8) + (c.Fingerprints.Count > 0 ? 1 : 0));

    private int EstimatedBytes() => Cells.Values.Sum(c => 64 + (c.Values is null ? 0 : 48 * 1024) + (c.Fingerprints.Count * 48 * 2)) + (Marks.Count * 128);

    private static TableEntity Unprefixed(TableEntity entity, string prefix)
    {
        var columns = new TableEntity();
        foreach (var (name, value) in entity)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                columns[name[prefix.Length..]] = value;
            }
        }

        return columns;
    }
}
