using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// What a recording is known to hold: its kind (incident or healthy), the deployment, the span it covers, the
/// org, and for an incident when it started and where it shows. <see cref="Traits"/> name the org's character
/// (volumes, logging level, flaky jobs, a warm-up burst) so a miss can be read against them.
/// </summary>
public sealed record ScenarioLabel(
    string Name,
    string Type,
    bool IsIncident,
    int Seed,
    string OrgId,
    string OrgName,
    OrgSize OrgSize,
    DateTimeOffset StartsAt,
    DateTimeOffset DeployedAt,
    DateTimeOffset EndsAt,
    ScenarioIncident? Incident,
    string Summary,
    IReadOnlyList<string> Traits)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
