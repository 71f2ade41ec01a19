namespace ReleaseWatch.Judging;

/// <summary>
/// A stream found silent at a check: connected, yet it delivered <paramref name="Received"/> events over [From, To)
/// where its baseline expects <paramref name="Expected"/>; Dispersion is the baseline traffic's variance / mean per
/// minute, PValue the lower tail P(X ≤ Received).
/// </summary>
public sealed record SilentStream(string Channel, DateTimeOffset From, DateTimeOffset To, long Received, double Expected, double? Dispersion, double PValue);
