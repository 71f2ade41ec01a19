namespace ReleaseWatch.Judging;

/// <summary>
/// How far a template member's peers moved: their summed count over the checked span (its upper 97.5 % bound) against what
/// their summed baseline rate expects over it, at most 1 (peers never raise an expectation) and at least <see cref="Floor"/> (a collapse of the whole family is still a
/// drop: a lull people share is never that deep). Null without peers or without peer baseline events: no scaling.
/// </summary>
internal static class PeerScale
{
    /// <summary>The lowest scale peers can set: the baseline lowered to a quarter.</summary>
    public const double Floor = 0.25;

    public static double? Of(IReadOnlyList<PeerWindows>? peers)
    {
        if (peers is not { Count: > 0 })
        {
            return null;
        }

        var observedMinutes = (peers[0].Observed.To - peers[0].Observed.From).TotalMinutes;
        var baselineMinutes = (peers[0].Baseline.To - peers[0].Baseline.From).TotalMinutes;
        var baseline = peers.Sum(p => p.Baseline.Total);
        if (observedMinutes < 1 || baselineMinutes <= 0 || baseline <= 0)
        {
            return null;
        }

        // Conservatively: the upper 97.5 % bound of the peers' count, so a few quiet minutes of small peers (noise) do not
        // excuse a member's drop; a lull of busy peers is measured nearly as it is.
        var expected = baseline / baselineMinutes * observedMinutes;
        return Math.Clamp(UpperBound(peers.Sum(p => p.Observed.Total)) / expected, Floor, 1);
    }

    /// <summary>The upper 97.5 % confidence bound of a Poisson mean from one count (Wilson–Hilferty).</summary>
    private static double UpperBound(long count)
    {
        const double Z = 1.959963984540054;
        var n = count + 1.0;
        return n * Math.Pow(1 - (1 / (9 * n)) + (Z / (3 * Math.Sqrt(n))), 3);
    }
}
