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
        var json = JsonSerializer.Serialize(state, ReleaseWatchJson.Options);
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
        JsonSerializer.Deserialize<WatchState>(entity.GetString("State"), ReleaseWatchJson.Options)
        ?? throw new InvalidDataException($"Watch {entity.PartitionKey}: empty state row.");

    public static string HistoryRowKey(int version) => $"{HistoryPrefix}{version:D6}";

    public static TableEntity History(WatchDecision decision) => new(decision.State.WatchId, HistoryRowKey(decision.State.Version))
    {
        ["At"] = decision.State.UpdatedAt,
        ["Phase"] = decision.State.Phase.ToString(),
        ["Type"] = decision.Event.GetType().Name,
        ["Event"] = JsonSerializer.Serialize(decision.Event, ReleaseWatchJson.Options),
        ["Effects"] = JsonSerializer.Serialize(decision.Effects, ReleaseWatchJson.Options),
        ["Note"] = decision.Note,
    };

    public static HistoryEntry ReadHistory(TableEntity entity) => new(
        int.Parse(entity.RowKey.AsSpan(HistoryPrefix.Length), System.Globalization.CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Enum.Parse<WatchPhase>(entity.GetString("Phase")),
        JsonSerializer.Deserialize<WatchEvent>(entity.GetString("Event"), ReleaseWatchJson.Options)!,
        JsonSerializer.Deserialize<List<WatchEffect>>(entity.GetString("Effects"), ReleaseWatchJson.Options) ?? [],
        entity.GetString("Note") ?? "");
}
