using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// One metric of a watch as its chart shows it: the observed value at each check against the threshold and the
/// baseline (a band where the rule is relative), each check's verdict, and the <c>for</c> span that made a breach.
/// Built from the stored judgements only, so the page and GET /api/watches/{id} agree.
/// </summary>
/// <param name="Above">The absolute "above" threshold, if the rule has one.</param>
/// <param name="Below">The absolute "below" threshold, if the rule has one.</param>
/// <param name="BreachSpan">From the first failed check of the run that breached to the check that breached; null without a breach.</param>
public sealed record MetricChart(
    string Metric,
    string Signal,
    string Measure,
    string Rule,
    TimeSpan For,
    double? Above,
    double? Below,
    IReadOnlyList<ChartPoint> Points,
    ChartSpan? BreachSpan)
{
    /// <summary>A sentence that says what the chart shows, for screen readers and the alert.</summary>
    public string Summary
    {
        get
        {
            if (Points.Count == 0)
            {
                return $"{Metric}: not judged yet.";
            }

            var last = Points[^1];
            var failed = Points.Count(p => p.Verdict == nameof(Verdict.Failed));
            var peak = Points.Where(p => p.Observed is not null).Select(p => p.Observed!.Value).DefaultIfEmpty().Max();
            var breach = BreachSpan is { } span ? $" The failure held from {span.From:HH:mm:ss} to {span.To:HH:mm:ss} UTC and breached." : "";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Metric} ({Measure} of {Signal}): {Points.Count} checks, {failed} failed; peak {peak:0.##}, last {Format(last.Observed)} at {last.At:HH:mm:ss} UTC against {Rule}.{breach}");
        }
    }

    internal static string Format(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>The charts of a watch: one per metric of its policy (and any metric its judgements name), in policy order.</summary>
    public static IReadOnlyList<MetricChart> Of(WatchState state, IEnumerable<SignalsJudged> checks, Policy? policy)
    {
        var judged = checks.OrderBy(c => c.CheckedAt).ToList();
        var names = (policy?.Metrics.Select(m => m.Name) ?? []).Concat(judged.SelectMany(c => c.Judgements).Select(j => j.Metric)).Distinct(StringComparer.Ordinal);
        return [.. names.Select(name => Of(name, state, judged, policy?.Metrics.FirstOrDefault(m => m.Name == name)))];
    }

    private static MetricChart Of(string name, WatchState state, IReadOnlyList<SignalsJudged> checks, MetricPolicy? metric)
    {
        var rule = metric?.FailWhen;
        var points = new List<ChartPoint>();
        DateTimeOffset? runStart = null;
        ChartSpan? breach = null;
        foreach (var check in checks)
        {
            foreach (var j in check.Judgements.Where(j => j.Metric == name))
            {
                var (low, high) = Band(rule, j.Baseline);
                points.Add(new ChartPoint(check.CheckedAt, check.Trigger.ToString(), j.Verdict.ToString(), j.Observed, j.Baseline, low, high, j.PValue, j.ObservedCount, j.Reason));
                runStart = j.Verdict switch
                {
                    Verdict.Failed => runStart ?? check.CheckedAt,
                    Verdict.Passed => null,
                    _ => runStart,
                };
                if (breach is null && state.Breach is { } b && b.Metric == name && b.WindowTo == j.WindowTo && j.Verdict == Verdict.Failed)
                {
                    breach = new ChartSpan(runStart ?? check.CheckedAt, check.CheckedAt);
                }
            }
        }

        var signal = metric?.Signal ?? checks.SelectMany(c => c.Judgements).FirstOrDefault(j => j.Metric == name)?.Signal ?? "";
        var threshold = checks.SelectMany(c => c.Judgements).LastOrDefault(j => j.Metric == name)?.Threshold ?? "";
        return new MetricChart(name, signal, metric?.Measure.ToString() ?? "", threshold, metric?.For ?? TimeSpan.Zero, rule?.Above, rule?.Below, points, breach);
    }

    /// <summary>The band a relative rule allows around the baseline: below it (belowBaselineBy) or above it (aboveBaselineBy) fails.</summary>
    internal static (double? Low, double? High) Band(MetricRule? rule, double? baseline) =>
        rule is null || baseline is not { } b
            ? (null, null)
            : (rule.BelowBaselineByPercent is { } down ? b * (1 - (down / 100)) : null,
               rule.AboveBaselineByPercent is { } up ? b * (1 + (up / 100)) : null);
}

/// <summary>
/// One check of one metric. Low/High bound the band a relative rule allows (null when it has none). Trigger and
/// Verdict are names (Check, Nudge, WindowEnd; Passed, Failed, Inconclusive, Error) so new values show as they are.
/// </summary>
public sealed record ChartPoint(
    DateTimeOffset At,
    string Trigger,
    string Verdict,
    double? Observed,
    double? Baseline,
    double? Low,
    double? High,
    double? PValue,
    long ObservedCount,
    string Reason);

/// <summary>A span of time on a chart.</summary>
public sealed record ChartSpan(DateTimeOffset From, DateTimeOffset To);
