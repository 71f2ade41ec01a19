using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// How far the streams behind a signal can be trusted at one instant, from their last reports. The judge classifies
/// at the check's time, so the same stored facts always give the same verdict; the org signals API at request time.
/// </summary>
internal static class SourceHealth
{
    /// <summary>The worst state over the given streams: a reconnecting, failing or stale stream makes it Down; none reported is Unknown.</summary>
    public static SignalSourceHealth Of(IReadOnlyList<ChannelHealth> channels, DateTimeOffset at, StreamHealthOptions limits)
    {
        if (channels.Count == 0)
        {
            return SignalSourceHealth.Unknown;
        }

        // A clean stop (a pump run ending) is not an outage by itself; it becomes one when no run follows within StaleAfter.
        if (channels.Any(c => c.State is StreamState.Reconnecting or StreamState.Failing || at - c.UpdatedAt > limits.StaleAfter))
        {
            return SignalSourceHealth.Down;
        }

        return channels.Any(c => c.Lag > limits.LagLimit) ? SignalSourceHealth.Lagging : SignalSourceHealth.Healthy;
    }
}
