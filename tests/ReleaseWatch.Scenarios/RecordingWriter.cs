using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Turns published events into the recorder's JSON Lines (design.md "Recording format"): per channel, replay
/// ids increase in publish order (not always by one: Salesforce does not promise consecutive ids) and events
/// arrive in that order a little later; the lines are in the order received.
/// </summary>
internal static class RecordingWriter
{
    // Salesforce writes quotes, apostrophes and angle brackets in messages as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Lines(string orgId, IEnumerable<GeneratedEvent> events, Random random)
    {
        var received = new List<(DateTimeOffset At, string Line)>();
        var buffer = new MemoryStream();
        foreach (var channel in events.GroupBy(e => e.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var schema = SalesforceTime.Hex(random, 22);
            var replayId = (long)random.Between(1_000, 9_000_000);
            var isChange = channel.Key.StartsWith("/data/", StringComparison.Ordinal);
            var last = DateTimeOffset.MinValue;
            foreach (var published in channel.OrderBy(e => e.OccurredAt))
            {
                replayId += random.Chance(0.05) ? random.Between(2, 6) : 1;
                var latency = TimeSpan.FromMilliseconds(Math.Min(30_000, random.LogNormal(isChange ? 450 : 180, 0.7)));
                var at = SalesforceTime.Millis(published.OccurredAt + latency);
                last = at < last ? last : at;
                buffer.SetLength(0);
                using (var line = new Utf8JsonWriter(buffer, Options))
                {
                    line.WriteStartObject();
                    line.WriteString("receivedAt", SalesforceTime.Text(last));
                    line.WriteString("org", orgId);
                    line.WriteStartObject("message");
                    line.WriteString("channel", channel.Key);
                    line.WriteStartObject("data");
                    line.WriteString("schema", schema);
                    line.WritePropertyName("payload");
                    published.Payload.WriteTo(line);
                    line.WriteStartObject("event");
                    line.WriteNumber("replayId", replayId);
                    if (!isChange && published.Payload["EventUuid"] is null)
                    {
                        line.WriteString("EventUuid", SalesforceTime.Uuid(random));
                    }

                    line.WriteEndObject();
                    line.WriteEndObject();
                    line.WriteEndObject();
                    line.WriteEndObject();
                }

                received.Add((last, System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
            }
        }

        return [.. received.OrderBy(r => r.At).Select(r => r.Line)];
    }
}
