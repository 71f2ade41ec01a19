using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReleaseWatch.Alerts;

/// <summary>Serialization code for the Teams message, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static AlertsJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
