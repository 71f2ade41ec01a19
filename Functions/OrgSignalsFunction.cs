using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
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
        string id, StreamStateStore streams, IOptions<SignalCaptureOrgs> orgs, PolicyCatalog policies, ISignalSources sources, IOptions<StreamHealthOptions> health, TimeProvider time, CancellationToken cancellationToken)
    {
        if (orgs.Value.Orgs.FirstOrDefault(o => o.Id == id) is not { } org)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var channels = await streams.ReadChannelsAsync(id, cancellationToken);
        var gaps = await streams.ReadGapsAsync(id, DateTimeOffset.MinValue, now, cancellationToken);
        // Configured channels and any that reported (a replay, a recorder) both count as feeding.
        string[] feeding = [.. org.Channels.Union(channels.Select(c => c.Channel), StringComparer.Ordinal)];
        var uncovered = policies.TryResolve(null, org.Policy, out var policy)
            ? SignalCoverage.Uncovered(id, feeding, policy, sources)
            : [];
        return TypedResults.Json(new OrgSignalsResponse(id, SourceHealth.Of(channels, now, health.Value), channels, gaps, uncovered), ReleaseWatchJson.Options);
    }
}
