using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Functions;

/// <summary>The orgs API (OrgSignals function): stream health per channel, checkpoints, lag, gaps and uncovered metrics of an org.</summary>
internal static class OrgsApi
{
    public static RouteGroupBuilder MapOrgsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orgs");
        api.MapGet("/{id}/signals", GetSignalsAsync);
        return api;
    }

    /// <summary>GET /api/orgs/{id}/signals; the health is classified now, as the judge would at a check now.</summary>
    public static async Task<Results<Ok<OrgSignalsResponse>, NotFound>> GetSignalsAsync(
        string id, StreamStateStore streams, IOptions<SignalCaptureOrgs> orgs, PolicyCatalog policies, ISignalSources sources, IOptions<StreamHealthOptions> health,
        TimeProvider time, CancellationToken cancellationToken)
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
        return TypedResults.Ok(new OrgSignalsResponse(id, SourceHealth.Of(channels, now, health.Value), channels, gaps, uncovered));
    }
}

/// <summary>The body of GET /api/orgs/{id}/signals; Uncovered lists the org policy's metrics no channel can feed.</summary>
internal sealed record OrgSignalsResponse(
    string OrgId,
    SignalSourceHealth Health,
    IReadOnlyList<ChannelHealth> Channels,
    IReadOnlyList<SignalGap> Gaps,
    IReadOnlyList<UncoveredMetric> Uncovered);
