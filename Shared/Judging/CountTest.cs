using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// The evidence of one sparse-count test: the count expected over the checked span from the baseline's rate, the
/// baseline's dispersion (variance / mean per minute), the negative binomial size used (null: Poisson), which tail
/// was tested and its p-value.
/// </summary>
internal sealed record CountTest(double Expected, double? Dispersion, double? Size, bool Upper, double PValue)
{
    /// <param name="scale">The baseline's rate scaled (against peers), its burstiness kept: the negative binomial size stays.</param>
    public static CountTest Of(SignalWindow baseline, long observed, double minutes, bool upper, double scale = 1)
    {
        var dispersion = BaselineDispersion.Of(baseline, minutes);
        var (mean, size) = dispersion.Over(minutes);
        mean *= scale;
        var p = upper ? CountTail.AtLeast(observed, mean, size) : CountTail.AtMost(observed, mean, size);
        return new(mean, dispersion.Index, size, upper, p);
    }
}
