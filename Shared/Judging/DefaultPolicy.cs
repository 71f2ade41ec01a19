namespace ReleaseWatch.Judging;

/// <summary>
/// The built-in "default" policy, used when neither the deployment nor its org names one (configuration may
/// replace it with its own "default"): Apex and flow errors revert when they rise well above both an absolute
/// floor and the baseline for a few minutes; any batch Apex error alerts.
/// </summary>
internal static class DefaultPolicy
{
    public static Policy Create() => new()
    {
        Name = PolicyCatalog.DefaultPolicyName,
        Metrics =
        [
            new MetricPolicy
            {
                Name = "apex-errors",
                Signal = "apex.error",
                Measure = MetricMeasure.PerMinute,
                FailWhen = new MetricRule { Above = 5, AboveBaselineByPercent = 200 },
                For = TimeSpan.FromMinutes(2),
                Severity = MetricSeverity.Critical,
                OnBreach = MetricBreachAction.Revert,
            },
            new MetricPolicy
            {
                Name = "flow-errors",
                Signal = "flow.error",
                Measure = MetricMeasure.PerMinute,
                FailWhen = new MetricRule { Above = 2, AboveBaselineByPercent = 200 },
                For = TimeSpan.FromMinutes(3),
                Severity = MetricSeverity.Critical,
                OnBreach = MetricBreachAction.Revert,
            },
            new MetricPolicy
            {
                Name = "batch-errors",
                Signal = "batch.error",
                Measure = MetricMeasure.Count,
                FailWhen = new MetricRule { Above = 0 },
                Severity = MetricSeverity.Warning,
                OnBreach = MetricBreachAction.Alert,
            },
        ],
    };
}
