using static ReleaseWatch.Judging.JudgingText;

namespace ReleaseWatch.Judging;

/// <summary>Evaluates each condition of a metric's failWhen against the observed span and, for relative ones, the baseline.</summary>
internal static class FailWhenConditions
{
    public static IReadOnlyList<ConditionOutcome> Evaluate(
        MetricPolicy metric, MetricInputs inputs, double observed, MeasuredSpan observedSpan, MeasuredSpan baselineSpan, double? baseline, out CountTest? evidence,
        double scale = 1)
    {
        var rule = metric.FailWhen;
        var unit = Unit(metric.Measure);
        var outcomes = new List<ConditionOutcome>();
        evidence = null;
        if (rule.Above is { } above)
        {
            outcomes.Add(new(AboveText(above, unit), observed > above));
        }

        // Less than a minute captured: its events are still arriving, so a drop is not judged. A drop is judged on every
        // event possibly in the span (its partial first bucket included), a rise on those surely in it.
        var partial = observedSpan.Minutes < 1 || inputs.Observed.To > inputs.CheckedAt ? "less than a minute is captured yet" : null;
        var upper = observed;
        if (rule.Below is { } below)
        {
            outcomes.Add(partial is null ? new(BelowText(below, unit), upper < below) : new(BelowText(below, unit), null, partial));
        }

        var percentProblem = rule.AboveBaselineByPercent is null && rule.BelowBaselineByPercent is null
            ? null
            : BaselineProblem(metric, inputs, baselineSpan,
                ValueMeasures.IsValue(metric.Measure) ? ValueMeasures.MinBaseline(metric) : metric.MinBaselineCount ?? MetricPolicy.DefaultMinBaselineCount);
        if (rule.AboveBaselineByPercent is { } up)
        {
            var limit = baseline * (1 + (up / 100));
            var text = AboveBaselineText(up);
            outcomes.Add(percentProblem is null && limit is { } l
                ? new($"{text} (> {Number(l)}{unit})", observed > l)
                : new(text, null, percentProblem));
        }

        if (rule.BelowBaselineByPercent is { } down)
        {
            var limit = baseline * (1 - (down / 100));
            var text = BelowBaselineText(down);
            outcomes.Add(partial is null && percentProblem is null && limit is { } l
                ? new($"{text} (< {Number(l)}{unit})", observed < l)
                : new(text, null, partial ?? percentProblem));
        }

        if (rule.PoissonSignificance is { } significance)
        {
            outcomes.Add(Significance(metric, inputs, observedSpan, baselineSpan, significance, upper: true, scale, ref evidence));
        }

        if (rule.BelowBaselineSignificance is { } lower)
        {
            outcomes.Add(partial is not null ? new(LowerText(lower), null, partial) : Significance(metric, inputs, observedSpan, baselineSpan, lower, upper: false, scale, ref evidence));
        }

        return outcomes;
    }

    /// <summary>The threshold in words without baseline numbers, for checks that never reached the conditions.</summary>
    public static string Describe(MetricPolicy metric)
    {
        var unit = Unit(metric.Measure);
        var rule = metric.FailWhen;
        string?[] parts =
        [
            rule.Above is { } above ? AboveText(above, unit) : null,
            rule.Below is { } below ? BelowText(below, unit) : null,
            rule.AboveBaselineByPercent is { } up ? AboveBaselineText(up) : null,
            rule.BelowBaselineByPercent is { } down ? BelowBaselineText(down) : null,
            rule.PoissonSignificance is { } p ? PoissonText(p) : null,
            rule.BelowBaselineSignificance is { } q ? LowerText(q) : null,
        ];
        return string.Join(" and ", parts.OfType<string>());
    }

    private static string AboveText(double above, string unit) => $"> {Number(above)}{unit}";

    private static string BelowText(double below, string unit) => $"< {Number(below)}{unit}";

    private static string AboveBaselineText(double percent) => $"> baseline +{Number(percent)}%";

    private static string BelowBaselineText(double percent) => $"< baseline -{Number(percent)}%";

    private static string PoissonText(double significance) => $"rate above baseline at p < {Number(significance)}";

    private static string LowerText(double significance) => $"rate below baseline at p < {Number(significance)}";

    /// <summary>
    /// A one-sided test of the checked span's count against the baseline's rate, negative binomial when the baseline's
    /// per-minute counts are overdispersed, Poisson otherwise. When both tails are tested, the smaller p-value is kept as evidence.
    /// </summary>
    private static ConditionOutcome Significance(
        MetricPolicy metric, MetricInputs inputs, MeasuredSpan observedSpan, MeasuredSpan baselineSpan, double significance, bool upper, double scale, ref CountTest? evidence)
    {
        var text = upper ? PoissonText(significance) : LowerText(significance);
        var problem = BaselineProblem(metric, inputs, baselineSpan, metric.MinBaselineCount ?? MetricPolicy.DefaultPoissonMinBaselineCount);
        if (problem is not null)
        {
            return new(text, null, problem);
        }

        var test = CountTest.Of(inputs.Baseline, observedSpan.Count, observedSpan.Minutes, upper, scale);
        evidence = evidence is null || test.PValue < evidence.PValue ? test : evidence;
        var model = test.Size is null ? "" : $", negative binomial, dispersion {Number(Math.Round(test.Dispersion ?? 1, 2))}";
        return new($"{text} (expected {Number(Math.Round(test.Expected, 4))} events{model})", test.PValue < significance);
    }

    /// <summary>Why the baseline cannot carry a relative rule, or null when it can.</summary>
    private static string? BaselineProblem(MetricPolicy metric, MetricInputs inputs, MeasuredSpan baseline, int minCount)
    {
        if (baseline.Minutes <= 0)
        {
            return "the baseline span is empty";
        }

        var gap = inputs.Baseline.Gaps.Concat(inputs.BaselineDenominator?.Gaps ?? [])
            .FirstOrDefault(g => Overlaps(g, inputs.Baseline.From, inputs.Baseline.To));
        if (gap is not null)
        {
            return $"the baseline is incomplete: {Gap(gap)}";
        }

        if (metric.Measure == MetricMeasure.Ratio && baseline.Denominator == 0)
        {
            return $"the baseline has no {metric.Denominator} events, so its ratio is undefined";
        }

        var count = metric.Measure == MetricMeasure.Ratio ? baseline.Denominator ?? 0 : baseline.Count;
        var what = ValueMeasures.IsValue(metric.Measure) ? "values" : "events";
        return count < minCount
            ? $"the baseline has {count} {what}, fewer than minBaselineCount {minCount}"
            : null;
    }
}

/// <summary>One condition of a failWhen at one check: failing, holding, or not judged (Failing null, with the reason in Note).</summary>
internal sealed record ConditionOutcome(string Description, bool? Failing, string? Note = null);
