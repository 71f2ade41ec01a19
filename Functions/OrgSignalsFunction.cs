using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Functions;

/// <summary>OrgSignals (GET /api/orgs/{id}/signals): stream health per channel, checkpoints, lag and gaps of an org.</summary>
internal static class OrgSignalsFunction
{
    public static WebApplication MapOrgSignals(this WebApplication app)
    {
        app.MapGet("/api/orgs/{id}/signals", GetAsync);
        return app;
    }

    private static async Task<Results<JsonHttpResult<OrgSignalsResponse>, NotFound>> GetAsync(
        string id, StreamStateStore streams, IOptions<SignalCaptureOrgs> orgs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!orgs.Value.Orgs.Any(o => o.Id == id))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var channels = await streams.ReadChannelsAsync(id, cancellationToken);
        var gaps = await streams.ReadGapsAsync(id, DateTimeOffset.MinValue, now, cancellationToken);
        return TypedResults.Json(new OrgSignalsResponse(id, streams.HealthOf(channels), channels, gaps), ReleaseWatchJson.Options);
    }
}
