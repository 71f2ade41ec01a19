using System.Text.Json;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Outbox;

/// <summary>
/// The outbox row's shape in the watches table (one partition per watch). The workflow adds rows in
/// its decision transaction; the dispatcher updates Status, Attempts, NextAttemptAt, LastError,
/// DeliveredChannels with the row's ETag.
/// </summary>
internal static class OutboxRow
{
    public const string RowKeyPrefix = "outbox-";

    public static string RowKeyOf(string itemId) => RowKeyPrefix + itemId;

    public static TableEntity ToEntity(OutboxItem item)
    {
        var payload = item.Kind == OutboxItemKind.Command
            ? JsonSerializer.Serialize(item.Command, OutboxJsonContext.Dialect.ReleaseCommand)
            : JsonSerializer.Serialize(item.Alert, OutboxJsonContext.Dialect.Alert);
        // A rollout's command names every org of its wave: the payload may exceed one property's 64 KiB.
        return TableChunks.Put(new TableEntity(item.WatchId, RowKeyOf(item.ItemId))
        {
            ["Kind"] = item.Kind.ToString(),
            ["Status"] = item.Status.ToString(),
            ["Attempts"] = item.Attempts,
            ["CreatedAt"] = item.CreatedAt,
            ["NextAttemptAt"] = item.NextAttemptAt,
            ["LastError"] = item.LastError,
            ["DeliveredChannels"] = string.Join(',', item.DeliveredChannels),
            ["TraceParent"] = item.TraceParent,
        }, "Payload", payload);
    }

    public static OutboxItem FromEntity(TableEntity entity)
    {
        var kind = Enum.Parse<OutboxItemKind>(entity.GetString("Kind"));
        var payload = TableChunks.Get(entity, "Payload");
        var channels = entity.GetString("DeliveredChannels");
        return new OutboxItem(
            entity.PartitionKey,
            entity.RowKey[RowKeyPrefix.Length..],
            kind,
            kind == OutboxItemKind.Command ? JsonSerializer.Deserialize(payload, OutboxJsonContext.Dialect.ReleaseCommand) : null,
            kind == OutboxItemKind.Alert ? JsonSerializer.Deserialize(payload, OutboxJsonContext.Dialect.Alert) : null,
            Enum.Parse<OutboxItemStatus>(entity.GetString("Status")),
            entity.GetInt32("Attempts") ?? 0,
            entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            entity.GetDateTimeOffset("NextAttemptAt"),
            entity.GetString("LastError"),
            string.IsNullOrEmpty(channels) ? [] : channels.Split(','),
            entity.GetString("TraceParent"));
    }
}
