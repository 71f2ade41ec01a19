namespace ReleaseWatch.Signals;

/// <summary>
/// Every event received on a channel, classified or not, is also counted per minute under the channel's traffic
/// signal ("traffic.event.LogEntryEvent__e" for /event/LogEntryEvent__e), through the same buckets as any signal;
/// the family "traffic.*" is every stream's traffic.
/// A stream that stays connected but delivers nothing shows as its traffic collapsing against its own baseline.
/// </summary>
public static class ChannelTraffic
{
    public const string Prefix = "traffic";

    /// <summary>The traffic signal of <paramref name="channel"/>.</summary>
    public static string Signal(string channel) => Prefix + channel.Replace('/', '.');

    /// <summary>Whether <paramref name="signal"/> is a channel's traffic.</summary>
    public static bool IsTraffic(string signal) => signal.StartsWith(Prefix + ".", StringComparison.Ordinal);

    /// <summary>The channel a traffic signal counts (/event/LogEntryEvent__e for traffic.event.LogEntryEvent__e).</summary>
    public static string ChannelOf(string signal) => IsTraffic(signal) ? signal[Prefix.Length..].Replace('.', '/') : signal;
}
