namespace ReleaseWatch.Signals;

/// <summary>
/// How dependency probes are named: for a dependency "payments", signals dependency.payments.ok and
/// dependency.payments.failed (probe counts) and dependency.payments.latency (ms until the response headers), fed by the
/// pseudo-channel /dependencies/payments, whose health the prober reports like a stream's: a probe that cannot be made
/// makes exactly that dependency's metrics Error.
/// </summary>
internal static class DependencySignals
{
    public const string ChannelPrefix = "/dependencies/";

    public const string Prefix = "dependency.";

    public static string Channel(string dependency) => ChannelPrefix + dependency;

    public static string Ok(string dependency) => $"{Prefix}{dependency}.ok";

    public static string Failed(string dependency) => $"{Prefix}{dependency}.failed";

    public static string Latency(string dependency) => $"{Prefix}{dependency}.latency";

    /// <summary>The three signals of each dependency, for metric templates over dependency.*.</summary>
    public static IEnumerable<string> Of(IEnumerable<string> dependencies) =>
        dependencies.SelectMany(d => new[] { Ok(d), Failed(d), Latency(d) });

    /// <summary>Whether the pseudo-channel <paramref name="channel"/> feeds <paramref name="signal"/> (its own dependency's signals only).</summary>
    public static bool CanFeed(string channel, string signal)
    {
        if (!channel.StartsWith(ChannelPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dependency = channel[ChannelPrefix.Length..];
        return signal == Ok(dependency) || signal == Failed(dependency) || signal == Latency(dependency);
    }
}
