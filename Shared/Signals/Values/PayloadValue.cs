using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Signals.Values;

/// <summary>
/// Reads a number from an event payload by a dot-separated path (EffectivePageTime, Timing.ElapsedMs, Calls.0.Ms: a
/// whole-number part indexes an array). A JSON number or a numeric string is a value; a missing or null field, and
/// anything else (true, "slow", an object, NaN, a number beyond double), is skipped with the reason.
/// </summary>
public static class PayloadValue
{
    public static ValueReading Read(JsonObject payload, string path)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Find(payload, path) switch
        {
            null => ValueReading.Skip("missing"),
            JsonValue value => Number(value) is { } number ? ValueReading.Of(number) : ValueReading.Skip("not a number"),
            _ => ValueReading.Skip("not a number"),
        };
    }

    /// <summary>Whether the field at <paramref name="path"/> is true (JSON true or the string "true", any case).</summary>
    public static bool IsTrue(JsonObject payload, string path) => Find(payload, path) is JsonValue value
        && ((value.GetValueKind() == JsonValueKind.True)
            || (value.GetValueKind() == JsonValueKind.String && string.Equals(value.GetValue<string>().Trim(), "true", StringComparison.OrdinalIgnoreCase)));

    internal static JsonNode? Find(JsonObject payload, string path)
    {
        JsonNode? node = payload;
        foreach (var part in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[part],
                JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    private static double? Number(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null;
            default:
                return null;
        }
    }
}

/// <summary>One event's value for a value signal: a finite number, or skipped with the reason (the event still counts).</summary>
public readonly record struct ValueReading(double? Number, string? SkippedBecause)
{
    public static ValueReading Of(double number) => new(number, null);

    public static ValueReading Skip(string reason) => new(null, reason);
}
