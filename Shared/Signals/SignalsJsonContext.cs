using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch.Signals;

/// <summary>Serialization code for a minute row's signal names, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SignalsJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static SignalsJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
