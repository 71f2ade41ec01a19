namespace ReleaseWatch.Judging;

/// <summary>Checks that a policy's values make sense together; throws <see cref="InvalidPolicyException"/> naming the field.</summary>
internal static class PolicyValidator
{
    public static Policy Validate(Policy policy)
    {
        void Check(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new InvalidPolicyException(policy.Name, null, field, problem);
            }
        }

        Check(policy.Window > TimeSpan.Zero, "window", "must be longer than zero.");
        Check(policy.Interval > TimeSpan.Zero && policy.Interval <= policy.Window, "interval", "must be longer than zero and no longer than window.");
        Check(policy.Warmup >= TimeSpan.Zero && policy.Warmup < policy.Window, "warmup", "must be zero or more and shorter than window.");
        Check(policy.BaselineWindow > TimeSpan.Zero, "baseline.window", "must be longer than zero.");
        Check(policy.InconclusiveLimit >= 1, "inconclusiveLimit", "must be 1 or more.");
        Check(policy.DecisionDeadline > TimeSpan.Zero, "decisionDeadline", "must be longer than zero.");
        Check(policy.ResponseTimeout > TimeSpan.Zero, "responseTimeout", "must be longer than zero.");
        Check(policy.Metrics.Count > 0, "metrics", "must list at least one metric.");
        var repeated = policy.Metrics.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        Check(repeated is null, "metrics", $"must have unique names ('{repeated?.Key}' appears more than once).");
        foreach (var metric in policy.Metrics)
        {
            ValidateMetric(policy, metric);
        }

        return policy;
    }

    private static void ValidateMetric(Policy policy, MetricPolicy metric)
    {
        void Check(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new InvalidPolicyException(policy.Name, metric.Name, field, problem);
            }
        }

        var rule = metric.FailWhen;
        var ratio = metric.Measure == MetricMeasure.Ratio;
        Check(!string.IsNullOrWhiteSpace(metric.Signal), "signal", "is required.");
        Check(!ratio || !string.IsNullOrWhiteSpace(metric.Denominator), "denominator", "is required for a ratio (the signal to divide by).");
        Check(ratio || metric.Denominator is null, "denominator", "is only for measure \"ratio\".");
        Check(!metric.AgainstPeers || MetricFamily.IsTemplate(metric), "againstPeers", "applies to a metric template (a signal with '*'): its peers are the template's other members.");
        Check(!metric.AgainstPeers || metric.Measure is MetricMeasure.Count or MetricMeasure.PerMinute, "againstPeers", "scales counts, so it needs measure count or perMinute.");
        Check(rule.IsAbsolute || rule.IsRelative, "failWhen", "must have at least one of above, below, aboveBaselineBy, belowBaselineBy, poissonSignificance, belowBaselineSignificance.");
        Check(rule.Above is null or >= 0, "failWhen.above", "must be zero or more.");
        Check(rule.Below is null or > 0, "failWhen.below", "must be more than zero (nothing is below zero).");
        Check(rule.AboveBaselineByPercent is null or > 0, "failWhen.aboveBaselineBy", "must be more than 0%.");
        Check(rule.BelowBaselineByPercent is null or (> 0 and < 100), "failWhen.belowBaselineBy", "must be between 0% and 100% (exclusive).");
        Check(rule.PoissonSignificance is null or (> 0 and <= 0.5), "failWhen.poissonSignificance", "must be more than 0 and at most 0.5 (e.g. 0.01).");
        Check(rule.BelowBaselineSignificance is null or (> 0 and <= 0.5), "failWhen.belowBaselineSignificance", "must be more than 0 and at most 0.5 (e.g. 0.001).");
        Check(rule.BelowBaselineSignificance is null || !ratio, "failWhen.belowBaselineSignificance", "tests counts, so it cannot judge a ratio.");
        Check(rule.PoissonSignificance is null || !ratio, "failWhen.poissonSignificance", "tests counts, so it cannot judge a ratio.");
        var value = ValueMeasures.IsValue(metric.Measure);
        Check(rule.PoissonSignificance is null || !value, "failWhen.poissonSignificance", $"tests counts, so it cannot judge a value measure ({metric.Measure.ToString().ToLowerInvariant()}).");
        Check(metric.MinSample is null || value, "minSample", "is only for value measures (mean, p50, p90, p95, p99, max, last).");
        Check(metric.MinSample is null or >= 1, "minSample", "must be 1 or more.");
        Check(metric.For >= TimeSpan.Zero && metric.For < policy.Window, "for", "must be zero or more and shorter than the policy's window.");
        Check(metric.DecisiveFor is null || (metric.DecisiveFor >= TimeSpan.Zero && metric.DecisiveFor <= metric.For), "decisive.for", "must be zero or more and no longer than for.");
        Check(metric.DecisiveSignificance is > 0 and <= 0.5, "decisive.significance", "must be more than 0 and at most 0.5 (e.g. 0.000001).");
        Check(metric.DecisiveFor is null || rule.PoissonSignificance is not null || rule.BelowBaselineSignificance is not null,
            "decisive", "needs a significance condition (poissonSignificance or belowBaselineSignificance) to give p-values.");
        Check(metric.Lookback is null || metric.Lookback >= TimeSpan.FromMinutes(1), "lookback", "must be at least one minute (signals are counted per minute).");
        Check(metric.MinBaselineCount is null or >= 0, "minBaselineCount", "must be zero or more.");
        var newErrors = metric.Measure == MetricMeasure.NewErrors;
        Check(!newErrors || (rule.Above is not null && rule.Below is null && !rule.IsRelative), "failWhen",
            "of a newErrors metric takes only above: how many times a new error must have occurred since warm-up (e.g. 2).");
        Check(!newErrors || metric.MinBaselineCount is null, "minBaselineCount", "is not for newErrors (a new error is one the baseline never had).");
        Check(metric.OnBreach.Kind != BreachActionKind.Remediate || !string.IsNullOrWhiteSpace(metric.OnBreach.RemediationAction),
            "onBreach.remediate.action", "is required (e.g. \"rerun-batch\").");
    }
}
