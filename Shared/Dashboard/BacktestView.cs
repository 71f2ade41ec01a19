using ReleaseWatch.Backtest;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// A back-test as the dashboard shows it: what ran over what, the same per-metric charts as a watch page (built by
/// <see cref="MetricChart"/> from the back-test's judgements, as from a watch's history), the breaches with their
/// commands, and the outcome.
/// </summary>
public sealed record BacktestView(
    string Policy,
    string Recording,
    string OrgId,
    int Messages,
    DateTimeOffset RecordingStart,
    DateTimeOffset RecordingEnd,
    DateTimeOffset DeployedAt,
    string Phase,
    string Outcome,
    IReadOnlyList<MetricChart> Charts,
    IReadOnlyList<BacktestBreach> Breaches)
{
    internal static BacktestView Of(BacktestReport report, string recordingName)
    {
        var checks = report.Judgements.Select(j => new SignalsJudged(j.Trigger, j.At, j.Judgements)).ToList();
        var breaches = report.Judgements.SelectMany(j => j.Breached.Select(metric =>
        {
            var why = j.Judgements.First(x => x.Metric == metric);
            var command = j.Commands.FirstOrDefault(c => c.Reason.Metric == metric);
            return new BacktestBreach(metric, j.At, j.At - report.DeployedAt, why.Reason, command?.Type.ToString().ToLowerInvariant());
        })).ToList();
        var recording = report.Recording;
        return new BacktestView(report.Policy.Name, recordingName, recording.OrgId, recording.Messages.Count, recording.Start, recording.End, report.DeployedAt,
            report.Final.Phase.ToString(), report.Final.Outcome, MetricChart.Of(report.Final, checks, report.Policy), breaches);
    }
}

/// <summary>Where a metric breached in a back-test, how long after the deployment, why, and the command it would have sent (null: none).</summary>
public sealed record BacktestBreach(string Metric, DateTimeOffset At, TimeSpan After, string Reason, string? Command);
