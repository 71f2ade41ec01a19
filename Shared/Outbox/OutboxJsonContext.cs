using System.Text.Json;
using System.Text.Json.Serialization;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Outbox;

/// <summary>Serialization code for the outbox's stored commands and alerts, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReleaseCommand))]
[JsonSerializable(typeof(Alert))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static OutboxJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
