namespace ReleaseWatch.Signals;

/// <summary>
/// How the /limits poller's gauges are named: signal saturation.limit.{LimitName} (e.g.
/// saturation.limit.DailyApiRequests), fed by the pseudo-channel /services/data/limits, whose health the poller
/// reports like a stream's, so a failing poll makes exactly these metrics Error.
/// </summary>
internal static class LimitsSignals
{
    public const string Channel = "/services/data/limits";

    public const string Prefix = "saturation.limit.";

    public static string For(string limit) => Prefix + limit;

    public static bool CanFeed(string channel, string signal) =>
        string.Equals(channel, Channel, StringComparison.Ordinal) && signal.StartsWith(Prefix, StringComparison.Ordinal);
}
