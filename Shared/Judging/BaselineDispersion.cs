using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// How bursty a baseline is, from its per-minute counts (minutes without a bucket count zero): the mean and variance
/// per minute, the index of dispersion (variance / mean, 1 for Poisson) and, when the baseline is significantly
/// overdispersed, the negative binomial size r per minute (variance = mean + mean² / r). Overdispersion is tested
/// with the index-of-dispersion test: (n − 1)·variance / mean against the χ²(n − 1) quantile at 95 %
/// (Wilson–Hilferty). Below that, the counts are taken as Poisson (Size null). Bursts and batches make neighbouring
/// minutes alike, so the dispersion is measured at the checked span's scale: the baseline is cut into blocks as long
/// as the span (whole minutes, at least 10 blocks; else single minutes), and mean, variance and size are per block.
/// </summary>
internal sealed record BaselineDispersion(int Minutes, double MeanPerMinute, double VariancePerMinute, double? Size, int BlockMinutes = 1)
{
    private const double Z95 = 1.6448536269514722;
    private const int MinBlocks = 10;

    /// <summary>Variance over mean at the block's scale: 1 for Poisson counts, above 1 for bursty ones; null without events.</summary>
    public double? Index => MeanPerMinute > 0 ? VariancePerMinute / MeanPerMinute : null;

    /// <param name="spanMinutes">The length of the span to be tested against the baseline.</param>
    public static BaselineDispersion Of(SignalWindow window, double spanMinutes = 1)
    {
        var first = SignalKeys.MinuteStart(window.From);
        var minutes = (int)Math.Floor((window.To - first).TotalMinutes);
        if (minutes < 2)
        {
            return new(Math.Max(minutes, 0), minutes > 0 ? window.Total / (double)minutes : 0, 0, null);
        }

        var counts = new double[minutes];
        foreach (var (minute, count) in window.CountsByMinute)
        {
            var i = (int)Math.Floor((minute - first).TotalMinutes);
            if (i >= 0 && i < minutes)
            {
                counts[i] += count;
            }
        }

        var block = Math.Max(1, (int)Math.Round(spanMinutes));
        block = minutes / block >= MinBlocks ? block : 1;
        var blocks = counts.Chunk(block).Where(c => c.Length == block).Select(c => c.Sum()).ToArray();
        var mean = blocks.Average();
        var variance = blocks.Sum(c => (c - mean) * (c - mean)) / (blocks.Length - 1);
        return new(minutes, mean / block, variance / block, Overdispersed(blocks.Length, mean, variance) ? mean * mean / (variance - mean) : null, block);
    }

    /// <summary>The expected count over <paramref name="minutes"/> and the size of its distribution (independent blocks: r × blocks).</summary>
    public (double Mean, double? Size) Over(double minutes) => (MeanPerMinute * minutes, Size * minutes / BlockMinutes);

    private static bool Overdispersed(int samples, double mean, double variance)
    {
        if (mean <= 0 || variance <= mean)
        {
            return false;
        }

        var k = samples - 1.0;
        var quantile = k * Math.Pow(1 - (2 / (9 * k)) + (Z95 * Math.Sqrt(2 / (9 * k))), 3);
        return k * variance / mean > quantile;
    }
}
