using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Demo;

/// <summary>Moves a recorded message in time: its event time (CreatedDate, or a change event's commitTimestamp) shifts by whole minutes.</summary>
internal static class DemoMessages
{
    public static JsonObject Shift(JsonObject message, TimeSpan by)
    {
        var copy = (JsonObject)message.DeepClone();
        if (copy["data"]?["payload"] is not JsonObject payload)
        {
            return copy;
        }

        if (payload["CreatedDate"] is JsonValue created && created.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            payload["CreatedDate"] = (at + by).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        if (payload["ChangeEventHeader"] is JsonObject header && header["commitTimestamp"] is JsonValue commit && commit.TryGetValue<long>(out var ms))
        {
            header["commitTimestamp"] = ms + (long)by.TotalMilliseconds;
        }

        return copy;
    }
}
