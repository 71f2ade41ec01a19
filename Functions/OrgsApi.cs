using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;
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
        ISignalReader reader, TimeProvider time, CancellationToken cancellationToken)
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
        var traffic = await Task.WhenAll(feeding.Select(channel => TrafficAsync(reader, id, channel, now, cancellationToken)));
        return TypedResults.Ok(new OrgSignalsResponse(id, SourceHealth.Of(channels, now, health.Value), channels, gaps, uncovered, traffic));
    }

    /// <summary>A channel's received events over the last three minutes against the hour before, judged for silence as a check would.</summary>
    private static async Task<ChannelTrafficReport> TrafficAsync(ISignalReader reader, string org, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signal = ChannelTraffic.Signal(channel);
        var from = SignalKeys.MinuteStart(now) - CheckSpans.TrafficLookback;
        var recent = await reader.ReadAsync(org, signal, from, now, cancellationToken);
        var baseline = await reader.ReadAsync(org, signal, from.AddHours(-1), from, cancellationToken);
        var silent = StreamSilence.Find([new ChannelTrafficWindows(channel, recent, baseline)], now);
        return new ChannelTrafficReport(channel, from, now, recent.Total, baseline.Total, silent.Count > 0 ? silent[0] : null);
    }
}

/// <summary>The body of GET /api/orgs/{id}/signals; Uncovered lists the org policy's metrics no channel can feed; Traffic each channel's received events and silence.</summary>
internal sealed record OrgSignalsResponse(
    string OrgId,
    SignalSourceHealth Health,
    IReadOnlyList<ChannelHealth> Channels,
    IReadOnlyList<SignalGap> Gaps,
    IReadOnlyList<UncoveredMetric> Uncovered,
    IReadOnlyList<ChannelTrafficReport> Traffic);

/// <summary>
/// One channel's traffic in GET /api/orgs/{id}/signals: events received in [From, To) and in the hour before;
/// Silent holds the silence evidence (expected, dispersion, p-value) when the stream collapsed against that hour.
/// </summary>
internal sealed record ChannelTrafficReport(string Channel, DateTimeOffset From, DateTimeOffset To, long Received, long BaselineReceived, SilentStream? Silent);
