using ReleaseWatch.Signals;
using static ReleaseWatch.Judging.JudgingText;

namespace ReleaseWatch.Judging;

/// <summary>
/// Silence is a signal: a stream whose received events (classified or not) collapse against its own baseline.
/// The recent span's count (three minutes; then, for a sparse stream, the last fifteen: <see cref="Assessment.CheckSpans.LongTrafficLookback"/>)
/// is tested with the lower tail of the baseline's count distribution (negative binomial
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
            if (channel.Baseline.Total < MinBaselineEvents)
            {
                continue;
            }

            // The recent span shows a busy stream's collapse at once; the longer one a sparse stream's, once enough of
            // its events are missing to tell silence from chance (the same test, on more minutes).
            if ((Collapse(channel, channel.Recent, checkedAt) ?? (channel.Long is { } longer ? Collapse(channel, longer, checkedAt) : null)) is { } stream)
            {
                silent.Add(stream);
            }
        }

        return silent;
    }

    private static SilentStream? Collapse(ChannelTrafficWindows channel, SignalWindow span, DateTimeOffset checkedAt)
    {
        var minutes = (span.To - span.From).TotalMinutes;
        if (minutes <= 0 || span.To > checkedAt || span.Gaps.Count > 0)
        {
            return null;
        }

        var test = CountTest.Of(channel.Baseline, span.Total, minutes, upper: false);
        return test.PValue < Significance && span.Total <= MaxShareOfBaseline * test.Expected
            ? new SilentStream(channel.Channel, span.From, span.To, span.Total, test.Expected, test.Dispersion, test.PValue)
            : null;
    }

    public static string Describe(SilentStream s) =>
        $"stream {s.Channel} is silent: {s.Received} events received from {Time(s.From)} to {Time(s.To)} where its baseline expects {Number(Math.Round(s.Expected, 1))} (p = {s.PValue:0.##E+0})";
}
