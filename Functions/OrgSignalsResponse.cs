using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Functions;

/// <summary>The body of GET /api/orgs/{id}/signals; Uncovered lists the org policy's metrics no channel can feed.</summary>
internal sealed record OrgSignalsResponse(
    string OrgId,
    SignalSourceHealth Health,
    IReadOnlyList<ChannelHealth> Channels,
    IReadOnlyList<SignalGap> Gaps,
    IReadOnlyList<UncoveredMetric> Uncovered);
