using System.Text.Json;
using Azure.Data.Tables;
using ReleaseWatch.Deployments;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// Row shapes of the watches table. The state row carries the whole state as JSON plus a few plain
/// columns for filtering (OrgKey, Phase); history rows are keyed "h-000001", "h-000002", ... in order.
/// </summary>
internal static class WatchRows
{
    public const string StateRowKey = "state";
    public const string HistoryPrefix = "h-";

    public static TableEntity State(WatchState state)
    {
        var json = JsonSerializer.Serialize(state, WatchesJsonContext.Dialect.WatchState);
        return new TableEntity(state.WatchId, StateRowKey)
        {
            ["OrgKey"] = SalesforceOrgId.Key(state.Org.Id),
            ["OrgId"] = state.Org.Id,
            ["DeploymentId"] = state.Deployment.DeploymentId,
            ["Phase"] = state.Phase.ToString(),
            ["CompletedAt"] = state.Deployment.CompletedAt,
            ["UpdatedAt"] = state.UpdatedAt,
            ["Version"] = state.Version,
            ["State"] = json,
        };
    }

    public static WatchState ReadState(TableEntity entity) =>
        JsonSerializer.Deserialize(entity.GetString("State")!, WatchesJsonContext.Dialect.WatchState)
        ?? throw new InvalidDataException($"Watch {entity.PartitionKey}: empty state row.");

    public static string HistoryRowKey(int version) => $"{HistoryPrefix}{version:D6}";

    public static TableEntity History(WatchDecision decision) => new(decision.State.WatchId, HistoryRowKey(decision.State.Version))
    {
        ["At"] = decision.State.UpdatedAt,
        ["Phase"] = decision.State.Phase.ToString(),
        ["Type"] = decision.Event.GetType().Name,
        ["Event"] = JsonSerializer.Serialize(decision.Event, WatchesJsonContext.Dialect.WatchEvent),
        ["Effects"] = JsonSerializer.Serialize(decision.Effects, WatchesJsonContext.Dialect.IReadOnlyListWatchEffect),
        ["Note"] = decision.Note,
    };

    public static HistoryEntry ReadHistory(TableEntity entity) => new(
        int.Parse(entity.RowKey.AsSpan(HistoryPrefix.Length), System.Globalization.CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Enum.Parse<WatchPhase>(entity.GetString("Phase")),
        JsonSerializer.Deserialize(entity.GetString("Event")!, WatchesJsonContext.Dialect.WatchEvent)!,
        JsonSerializer.Deserialize(entity.GetString("Effects")!, WatchesJsonContext.Dialect.ListWatchEffect) ?? [],
        entity.GetString("Note") ?? "");
}
