namespace ReleaseWatch.Salesforce;

/// <summary>
/// The wait before each new session of one subscriber: exponential from the first delay to the maximum, with
/// jitter (each wait is between half and all of its step), never zero. <see cref="Reset"/> after a recovery (a
/// poll answered successfully), so a blip long after an outage waits the first delay again, not the longest.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan first, TimeSpan max, Random random)
{
    /// <summary>Sessions that failed since the last recovery.</summary>
    public int Failures { get; private set; }

    /// <summary>The wait before the next attempt; at least the server's advised interval when it gave one.</summary>
    public TimeSpan Next(TimeSpan? advisedInterval = null)
    {
        var step = first.Ticks * Math.Pow(2, Math.Min(Failures, 30));
        var ceiling = Math.Min(step, max.Ticks);
        Failures++;
        var wait = TimeSpan.FromTicks(Math.Max(1, (long)(ceiling / 2 + random.NextDouble() * ceiling / 2)));
        return advisedInterval is { } interval && interval > wait ? interval : wait;
    }

    public void Reset() => Failures = 0;
}
