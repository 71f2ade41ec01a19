using System.Text.Json;
using System.Text.Json.Serialization;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Storage;

/// <summary>Serialization code for a rollout's stored state and history, generated at compile time (the native executable has no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RolloutState))]
[JsonSerializable(typeof(RolloutEvent))]
[JsonSerializable(typeof(List<WatchEffect>))]
[JsonSerializable(typeof(IReadOnlyList<WatchEffect>))]
internal sealed partial class RolloutsJsonContext : JsonSerializerContext
{
    /// <summary>This context bound to ReleaseWatch's dialect (<see cref="ReleaseWatchJson"/>).</summary>
    public static RolloutsJsonContext Dialect { get; } = new(ReleaseWatchJson.Create());
}
