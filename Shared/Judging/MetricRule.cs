namespace ReleaseWatch.Judging;

/// <summary>
/// A metric's failWhen. Every condition set must hold for the check to fail (AND): {"above": 5,
/// "aboveBaselineBy": "200%"} fails only above 5/min AND more than 200% above the baseline, which keeps noise
/// low. Relative conditions (the baseline ones and the Poisson test) that cannot be judged because the baseline
/// is too small or gapped are left out when an absolute condition remains; with none left the check is Inconclusive.
/// </summary>
public sealed record MetricRule
{
    /// <summary>Fails when the measure is greater than this.</summary>
    public double? Above { get; init; }

    /// <summary>Fails when the measure is less than this.</summary>
    public double? Below { get; init; }

    /// <summary>Fails when the measure exceeds the baseline by more than this percentage: 200 means above 3 × baseline.</summary>
    public double? AboveBaselineByPercent { get; init; }

    /// <summary>Fails when the measure is under the baseline by more than this percentage (0–100): 50 means below half the baseline.</summary>
    public double? BelowBaselineByPercent { get; init; }

    /// <summary>
    /// For sparse counts: fails when P(X ≥ observed | the baseline's count distribution over the checked span) is
    /// below this significance (e.g. 0.01). Poisson with the baseline's rate, or negative binomial with the dispersion
    /// of the baseline's per-minute counts when they are significantly overdispersed (bursty). One-sided: only a rise fails.
    /// </summary>
    public double? PoissonSignificance { get; init; }

    /// <summary>
    /// For drops: fails when P(X ≤ observed | the baseline's count distribution over the checked span) is below this
    /// significance (e.g. 0.001). Dispersion-aware like <see cref="PoissonSignificance"/>. One-sided: only a fall fails.
    /// </summary>
    public double? BelowBaselineSignificance { get; init; }

    /// <summary>True when the rule compares against the baseline.</summary>
    public bool IsRelative => AboveBaselineByPercent is not null || BelowBaselineByPercent is not null || PoissonSignificance is not null
        || BelowBaselineSignificance is not null;

    /// <summary>True when the rule has a condition that needs no baseline.</summary>
    public bool IsAbsolute => Above is not null || Below is not null;
}
