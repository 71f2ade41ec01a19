using ReleaseWatch.Signals;

namespace ReleaseWatch.Functions;

/// <summary>The body of GET /api/orgs/{id}/signals.</summary>
internal sealed record OrgSignalsResponse(string OrgId, SignalSourceHealth Health, IReadOnlyList<ChannelHealth> Channels, IReadOnlyList<SignalGap> Gaps);
