using ReleaseWatch.Watches.Api;

namespace ReleaseWatch.Functions;

/// <summary>Watches: read one watch with its history and evidence, or list watches by org and phase.</summary>
internal static class WatchesFunction
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/watches", WatchApi.ListAsync);
        app.MapGet("/api/watches/{id}", WatchApi.GetAsync);
    }
}
