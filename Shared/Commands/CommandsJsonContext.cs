using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch.Commands;

/// <summary>Serialization code for commands sent and results received, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReleaseCommand))]
[JsonSerializable(typeof(CommandResult))]
internal sealed partial class CommandsJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static CommandsJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
