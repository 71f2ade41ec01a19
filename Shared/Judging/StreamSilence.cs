using static ReleaseWatch.Judging.JudgingText;

namespace ReleaseWatch.Judging;

/// <summary>
/// Silence is a signal: a stream whose received events (classified or not) collapse against its own baseline.
/// The recent span's count is tested with the lower tail of the baseline's count distribution (negative binomial
/// when the baseline's per-minute traffic is overdispersed, Poisson otherwise); below <see cref="Significance"/> the
/// stream is silent, if it also delivered at most <see cref="MaxShareOfBaseline"/> of what the baseline expects (a
/// collapse, not a dip: a lunch dip or a quiet spell of a bursty integration is not silence). A channel with fewer than <see cref="MinBaselineEvents"/> baseline events is never called silent
/// (its quiet is normal), nor is one whose span has less than a minute captured. Every signal a silent stream feeds is Inconclusive instead of Passed.
/// </summary>
internal static class StreamSilence
{
    /// <summary>The p-value below which a stream's traffic counts as collapsed.</summary>
    public const double Significance = 0.0001;

    /// <summary>The fewest events a channel's baseline must hold for its silence to mean something.</summary>
    public const int MinBaselineEvents = 30;

    /// <summary>The largest share of its expected traffic a silent stream may still deliver.</summary>
    public const double MaxShareOfBaseline = 0.1;

    /// <param name="checkedAt">When the check is made: a span that ends after it is a minute only just begun (the first
    /// check after warm-up), in which nothing could have arrived yet; like every drop, silence is not judged on it.</param>
    public static IReadOnlyList<SilentStream> Find(IReadOnlyList<ChannelTrafficWindows>? traffic, DateTimeOffset checkedAt)
    {
        var silent = new List<SilentStream>();
        foreach (var channel in traffic ?? [])
        {
            var minutes = (channel.Recent.To - channel.Recent.From).TotalMinutes;
            if (channel.Baseline.Total < MinBaselineEvents || minutes <= 0 || channel.Recent.To > checkedAt || channel.Recent.Gaps.Count > 0)
            {
                continue;
            }

            var test = CountTest.Of(channel.Baseline, channel.Recent.Total, minutes, upper: false);
            if (test.PValue < Significance && channel.Recent.Total <= MaxShareOfBaseline * test.Expected)
            {
                silent.Add(new SilentStream(channel.Channel, channel.Recent.From, channel.Recent.To, channel.Recent.Total, test.Expected, test.Dispersion, test.PValue));
            }
        }

        return silent;
    }

    public static string Describe(SilentStream s) =>
        $"stream {s.Channel} is silent: {s.Received} events received from {Time(s.From)} to {Time(s.To)} where its baseline expects {Number(Math.Round(s.Expected, 1))} (p = {s.PValue:0.##E+0})";
}
