using System.Globalization;
using Azure.Data.Tables;

namespace ReleaseWatch.Signals;

/// <summary>
/// Kept failure evidence in the signals table, beside the org's minute rows (so one transaction stores both):
/// PartitionKey = org id, RowKey = "e|{signal}|{inverted ticks}|{channel}|{replay id}", newest first within a signal,
/// and a span is one key range. Redelivery writes the same key.
/// </summary>
internal static class EvidenceRows
{
    private const string Prefix = "e|";

    public static (string Low, string High) Range(string signal, DateTimeOffset from, DateTimeOffset to) =>
        (Prefix + Key(signal) + "|" + TimeKey(to), Prefix + Key(signal) + "|" + TimeKey(from) + "~");

    public static TableEntity From(SignalEvidence e) => new(e.OrgId,
        Prefix + Key(e.Signal) + "|" + TimeKey(e.OccurredAt) + "|" + SignalKeys.Channel(e.Channel) + "|" + e.ReplayId.ToString(CultureInfo.InvariantCulture))
    {
        ["Signal"] = e.Signal,
        ["Channel"] = e.Channel,
        ["ReplayId"] = e.ReplayId,
        ["OccurredAt"] = e.OccurredAt,
        ["Type"] = e.Type,
        ["Message"] = e.Message,
        ["Source"] = e.Source,
        ["RecordIds"] = string.Join(',', e.RecordIds),
    };

    public static SignalEvidence ToEvidence(TableEntity row) => new(
        row.PartitionKey, row.GetString("Signal") ?? "", row.GetString("Channel") ?? "", row.GetInt64("ReplayId") ?? 0, row.GetDateTimeOffset("OccurredAt") ?? default,
        row.GetString("Type"), row.GetString("Message"), row.GetString("Source"),
        (row.GetString("RecordIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static string TimeKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    // Keys may not hold '/', '\', '#' or '?'.
    private static string Key(string signal) => signal.Replace('/', '!').Replace('\\', '!').Replace('#', '!').Replace('?', '!');
}
