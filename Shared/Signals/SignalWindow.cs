using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Signals;

/// <summary>
/// The counts of one signal for one org over [From, To), one entry per minute that has a bucket (a minute without a
/// bucket counted zero events), with the raw facts about its sources: the last report of each stream that can feed
/// the signal (all of the org's when none can) and the gaps overlapping the span. The judge decides what they mean.
/// </summary>
public sealed record SignalWindow(
    string OrgId,
    string Signal,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<DateTimeOffset, long> CountsByMinute,
    IReadOnlyList<ChannelHealth> Channels,
    IReadOnlyList<SignalGap> Gaps)
{
    public long Total => CountsByMinute.Values.Sum();

    /// <summary>The merged values of the window's buckets (empty for a count-only signal).</summary>
    public ValueStatistics Values { get; init; } = ValueStatistics.Empty;
}

/// <summary>A span in which events may have been lost (e.g. Salesforce rejected a too-old replay id).</summary>
public sealed record SignalGap(string Channel, DateTimeOffset From, DateTimeOffset To, string Reason);
