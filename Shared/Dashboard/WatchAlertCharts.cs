using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// The chart a watch's alert carries: the alert's failed metric (else its first) as the watch page draws it, from the
/// same stored judgements, rendered by <see cref="MetricChartImage"/>. Alerts of no watch (a rollout's) or without a
/// metric have none.
/// </summary>
internal sealed class WatchAlertCharts(IWatchStore store, PolicyCatalog policies) : IAlertChartSource
{
    public async Task<AlertChart?> ChartAsync(Alert alert, CancellationToken cancellationToken)
    {
        var metric = alert.Metrics.FirstOrDefault(m => m.Verdict == nameof(Verdict.Failed)) ?? alert.Metrics.FirstOrDefault();
        if (metric is null || !WatchId.IsWellFormed(alert.WatchId) || await store.GetAsync(alert.WatchId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var history = await store.GetHistoryAsync(alert.WatchId, cancellationToken);
        var policy = stored.State.Policy ?? (policies.TryGet(stored.State.PolicyName, out var named) ? named : null);
        var chart = MetricChart.Of(stored.State, history.Select(h => h.Event).OfType<SignalsJudged>(), policy).FirstOrDefault(c => c.Metric == metric.Name);
        return chart is null || chart.Points.Count == 0
            ? null
            : new AlertChart(MetricChartImage.Png(chart), MetricChartImage.Width, MetricChartImage.Height, chart.Summary);
    }
}
