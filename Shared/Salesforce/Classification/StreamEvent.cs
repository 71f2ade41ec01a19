using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>
/// One received Salesforce event: {"channel": ..., "data": {"schema": ..., "payload": {...}, "event": {"replayId": N}}}.
/// <see cref="OccurredAt"/> is the event's own time (payload CreatedDate, or ChangeEventHeader.commitTimestamp
/// for change events), so a redelivered event always lands in the same minute bucket.
/// </summary>
internal sealed record StreamEvent(string Channel, long ReplayId, JsonObject Payload, DateTimeOffset OccurredAt)
{
    public static StreamEvent? TryParse(JsonObject message, DateTimeOffset receivedAt)
    {
        if (message["channel"] is not JsonValue named || !named.TryGetValue<string>(out var channel) || message["data"] is not JsonObject data || data["event"] is not JsonObject { } delivered || delivered["replayId"] is not JsonValue replay
            || !replay.TryGetValue<long>(out var replayId))
        {
            return null;
        }

        var payload = data["payload"] as JsonObject ?? [];
        return new StreamEvent(channel, replayId, payload, OccurredAtOf(payload) ?? receivedAt);
    }

    private static DateTimeOffset? OccurredAtOf(JsonObject payload)
    {
        if (payload["ChangeEventHeader"] is JsonObject header && header["commitTimestamp"] is JsonValue commit && commit.TryGetValue<long>(out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return payload["CreatedDate"] is JsonValue created && created.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }
}
