namespace ReleaseWatch.Judging;

/// <summary>
/// The built-in "default" policy, used when neither the deployment nor its org names one (configuration may
/// replace it with its own "default"). It watches what the org streams:
/// - apex-errors / flow-errors: a rise well above an absolute floor and the baseline, and significant against the
///   baseline's own burstiness (negative binomial), for a few minutes;
/// - apex-error-rate: the same by significance alone over three minutes (above 2/min) for 5 minutes (longer than its
///   lookback, so one burst cannot hold it), so a new exception on a quiet
///   org (a baseline too small for percentages) is caught and a healthy quiet release can still verify;
/// - new-errors: an error fingerprint (exception type and location) never seen in the baseline hour that has occurred
///   more than twice since warm-up and is still recurring (seen in the last 2 minutes) for 5 minutes: a new exception
///   hidden in a busy org's noise. One burst or a one-off stray cannot hold it that long;
/// - batch-errors: more than 3 batch Apex errors in ten minutes and significantly more than the baseline's;
/// - business-creates: every business.*.created signal with at least 60 baseline events (1/min) that falls below
///   30 % of its baseline (more than a lunch dip), significantly, for 5 minutes (2 when the drop is overwhelming),
///   the baseline scaled as the org's other creates moved (againstPeers: a lull every kind of record shares is not a drop);
/// - stream-traffic: every stream (traffic.*) with at least 60 baseline events whose received events collapse
///   below a tenth of its baseline, significantly, for 3 minutes (2 when overwhelming): a silent stream.
/// All revert. Also: hitting the concurrent long-running Apex limit alerts; latency (Lightning page time and API
/// request time, p95 more than 50% above the baseline for five minutes) and the daily API allocation (over 90% used)
/// are judged in observe mode: recorded with their evidence, never blocking a verification, since an org without
/// Real-Time Event Monitoring or the /limits poller has no data for them (the coverage warning names them). A policy
/// of the org's own sets them to alert or act.
/// </summary>
internal static class DefaultPolicy
{
    /// <summary>new-errors' for: its lookback (2) plus a burst's minute plus the minute a burst can straddle, and one more.</summary>
    private const int NewErrorsForMinutes = 5;

    public static Policy Create() => new()
    {
        Name = PolicyCatalog.DefaultPolicyName,
        Metrics =
        [
            Revert("apex-errors", "apex.error", MetricMeasure.PerMinute, new MetricRule { Above = 5, AboveBaselineByPercent = 200, PoissonSignificance = 0.001 }, 2) with
            {
                // The percentage needs 20 baseline errors; the significance is judged on less (apex-error-rate covers quiet orgs).
                MinBaselineCount = 20,
            },
            Revert("apex-error-rate", "apex.error", MetricMeasure.PerMinute, new MetricRule { Above = 2, PoissonSignificance = 0.0001 }, 5) with
            {
                Lookback = TimeSpan.FromMinutes(3),
            },
            Revert("new-errors", "apex.error", MetricMeasure.NewErrors, new MetricRule { Above = 2 }, NewErrorsForMinutes) with
            {
                // Still recurring: seen within the last two minutes (and the current one); for is longer than one burst can hold that.
                Lookback = TimeSpan.FromMinutes(2),
            },
            Revert("flow-errors", "flow.error", MetricMeasure.PerMinute, new MetricRule { Above = 2, AboveBaselineByPercent = 200, PoissonSignificance = 0.001 }, 3),
            Revert("batch-errors", "batch.error", MetricMeasure.Count, new MetricRule { Above = 3, PoissonSignificance = 0.001 }, 0) with
            {
                Lookback = TimeSpan.FromMinutes(10),
            },
            Revert("business-creates", "business.*.created", MetricMeasure.PerMinute, new MetricRule { BelowBaselineByPercent = 70, BelowBaselineSignificance = 0.001 }, 5) with
            {
                Lookback = TimeSpan.FromMinutes(3),
                MinBaselineCount = 60,
                DecisiveFor = TimeSpan.FromMinutes(2),
                AgainstPeers = true,
            },
            Revert("stream-traffic", "traffic.*", MetricMeasure.PerMinute, new MetricRule { BelowBaselineByPercent = 90, BelowBaselineSignificance = 0.0001 }, 3) with
            {
                Lookback = TimeSpan.FromMinutes(3),
                MinBaselineCount = 60,
                DecisiveFor = TimeSpan.FromMinutes(2),
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
            .. DefaultDependencyMetrics.All,
        ],
    };

    private static MetricPolicy Revert(string name, string signal, MetricMeasure measure, MetricRule rule, int forMinutes) => new()
    {
        Name = name,
        Signal = signal,
        Measure = measure,
        FailWhen = rule,
        For = TimeSpan.FromMinutes(forMinutes),
        Severity = MetricSeverity.Critical,
        OnBreach = MetricBreachAction.Revert,
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
