namespace ReleaseWatch.Judging;

/// <summary>
/// The built-in "default" policy, used when neither the deployment nor its org names one (configuration may
/// replace it with its own "default"): Apex and flow errors revert when they rise well above both an absolute
/// floor and the baseline for a few minutes; any batch Apex error alerts; hitting the concurrent long-running Apex
/// limit alerts. Latency (Lightning page time and API request time, p95 more than 50% above the baseline for five
/// minutes) and the daily API allocation (over 90% used) are judged in observe mode: recorded with their evidence,
/// never blocking a verification, since an org without Real-Time Event Monitoring or the /limits poller has no data
/// for them (the coverage warning names them). A policy of the org's own sets them to alert or act.
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
            new MetricPolicy
            {
                Name = "concurrent-apex-limit",
                Signal = "apex.concurrent-limit",
                Measure = MetricMeasure.Count,
                FailWhen = new MetricRule { Above = 0 },
                Severity = MetricSeverity.Warning,
                OnBreach = MetricBreachAction.Alert,
            },
            Latency("page-time", "ui.page-time"),
            Latency("api-request-time", "api.request"),
            new MetricPolicy
            {
                Name = "api-requests-used",
                Signal = "saturation.limit.DailyApiRequests",
                Measure = MetricMeasure.Last,
                FailWhen = new MetricRule { Above = 0.9 },
                Severity = MetricSeverity.Warning,
                OnBreach = MetricBreachAction.Alert,
                Mode = MetricMode.Observe,
            },
        ],
    };

    private static MetricPolicy Latency(string name, string signal) => new()
    {
        Name = name,
        Signal = signal,
        Measure = MetricMeasure.P95,
        FailWhen = new MetricRule { AboveBaselineByPercent = 50 },
        For = TimeSpan.FromMinutes(5),
        Severity = MetricSeverity.Warning,
        OnBreach = MetricBreachAction.Alert,
        Mode = MetricMode.Observe,
    };
}
