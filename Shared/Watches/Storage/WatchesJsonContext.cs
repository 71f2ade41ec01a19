using System.Text.Json;
using System.Text.Json.Serialization;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>Serialization code for a watch's stored state and history, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WatchState))]
[JsonSerializable(typeof(WatchEvent))]
[JsonSerializable(typeof(List<WatchEffect>))]
[JsonSerializable(typeof(IReadOnlyList<WatchEffect>))]
internal sealed partial class WatchesJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static WatchesJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
