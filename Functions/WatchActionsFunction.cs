using ReleaseWatch.Watches.Api;

namespace ReleaseWatch.Functions;

/// <summary>WatchActions: an operator aborts, extends, or approves a revert (signed like the webhook).</summary>
internal static class WatchActionsFunction
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/watches/{id}/actions", WatchApi.ActAsync);
}
