using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>
/// The org's limits from GET /services/data/vXX.X/limits, as used fractions: 1 − Remaining / Max per limit
/// ({"DailyApiRequests": {"Max": 15000, "Remaining": 14998}, ...}; old API versions send the numbers as strings).
/// Per-app breakdowns nested inside an entry are ignored; an entry with Max 0 has no fraction and is left out.
/// </summary>
internal sealed record OrgLimits(IReadOnlyDictionary<string, double> UsedFractions)
{
    /// <summary>The limits in <paramref name="json"/>, or null when it is not a limits answer (not an object, or no entry with Max and Remaining).</summary>
    public static OrgLimits? TryParse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject limits)
        {
            return null;
        }

        var fractions = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, entry) in limits)
        {
            if (entry is JsonObject numbers && Number(numbers["Max"]) is { } max && Number(numbers["Remaining"]) is { } remaining && max > 0 && remaining >= 0)
            {
                fractions[name] = Math.Clamp(1 - (remaining / max), 0, 1);
            }
        }

        return fractions.Count == 0 ? null : new OrgLimits(fractions);
    }

    private static double? Number(JsonNode? node) => node is not JsonValue value ? null : value.GetValueKind() switch
    {
        JsonValueKind.Number when value.TryGetValue<double>(out var number) && double.IsFinite(number) => number,
        JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
