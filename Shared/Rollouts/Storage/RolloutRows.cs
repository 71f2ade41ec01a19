using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Rollouts.Storage;

/// <summary>
/// Row shapes of a rollout's partition in the watches table: the state row "rollout" (whole state as JSON) and history
/// rows "rh-000001", … Neither matches a watch's "state" or "h-" rows, so watch queries never see them.
/// </summary>
internal static class RolloutRows
{
    public const string StateRowKey = "rollout";
    public const string HistoryPrefix = "rh-";

    public static TableEntity State(RolloutState state) => TableChunks.Put(new TableEntity(state.Key, StateRowKey)
    {
        ["RolloutId"] = state.RolloutId,
        ["Phase"] = state.Phase.ToString(),
        ["UpdatedAt"] = state.UpdatedAt,
        ["Version"] = state.Version,
    }, "State", JsonSerializer.Serialize(state, RolloutsJsonContext.Dialect.RolloutState));

    public static RolloutState ReadState(TableEntity entity) =>
        JsonSerializer.Deserialize(TableChunks.Get(entity, "State"), RolloutsJsonContext.Dialect.RolloutState)
        ?? throw new InvalidDataException($"Rollout {entity.PartitionKey}: empty state row.");

    public static TableEntity History(RolloutDecision decision)
    {
        var entity = new TableEntity(decision.State.Key, $"{HistoryPrefix}{decision.State.Version:D6}")
        {
            ["At"] = decision.State.UpdatedAt,
            ["Phase"] = decision.State.Phase.ToString(),
            ["Type"] = decision.Event.GetType().Name,
        };
        TableChunks.Put(entity, "Event", JsonSerializer.Serialize(decision.Event, RolloutsJsonContext.Dialect.RolloutEvent));
        TableChunks.Put(entity, "Effects", JsonSerializer.Serialize(decision.Effects, RolloutsJsonContext.Dialect.IReadOnlyListWatchEffect));
        return TableChunks.Put(entity, "Note", decision.Note);
    }

    public static RolloutHistoryEntry ReadHistory(TableEntity entity) => new(
        int.Parse(entity.RowKey.AsSpan(HistoryPrefix.Length), CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Enum.Parse<RolloutPhase>(entity.GetString("Phase")),
        JsonSerializer.Deserialize(TableChunks.Get(entity, "Event"), RolloutsJsonContext.Dialect.RolloutEvent)!,
        JsonSerializer.Deserialize(TableChunks.Get(entity, "Effects"), RolloutsJsonContext.Dialect.ListWatchEffect) ?? [],
        TableChunks.Get(entity, "Note"));
}
