namespace ReleaseWatch.Signals;

/// <summary>
/// The counts of one signal for one org over [From, To), one entry per minute that has a bucket
/// (a minute without a bucket counted zero events), plus what is known about the source's health.
/// </summary>
public sealed record SignalWindow(
    string OrgId,
    string Signal,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<DateTimeOffset, long> CountsByMinute,
    SignalSourceHealth Health,
    IReadOnlyList<SignalGap> Gaps)
{
    public long Total => CountsByMinute.Values.Sum();
}
