namespace ReleaseWatch.Signals;

/// <summary>
/// Interval slots of the pollers (/limits, dependency probes), aligned to the Unix epoch: a poller acts at most once per
/// slot, however often its loop or timer function runs, and the slot's start is a replay id every writer agrees on.
/// </summary>
internal static class PollingSlots
{
    private static readonly TimeSpan ShortestTick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestTick = TimeSpan.FromSeconds(15);

    public static long Of(DateTimeOffset at, TimeSpan interval) => at.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds;

    public static DateTimeOffset Start(long slot, TimeSpan interval) => DateTimeOffset.FromUnixTimeMilliseconds(slot * (long)interval.TotalMilliseconds);

    /// <summary>How often a standalone loop looks whether a slot is due: a quarter interval, 250 ms to 15 s, so a slot is never skipped.</summary>
    public static TimeSpan Tick(TimeSpan interval)
    {
        var quarter = interval / 4;
        return quarter < ShortestTick ? ShortestTick : quarter > LongestTick ? LongestTick : quarter;
    }
}
