using ReleaseWatch.Watches.Api;

namespace ReleaseWatch.Intake;

/// <summary>The watches a delivery started or found again, and event types it ignored.</summary>
public sealed record EventGridAccepted(IReadOnlyList<WatchSummary> Watches, IReadOnlyList<string> Ignored);
