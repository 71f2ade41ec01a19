using System.Globalization;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Backtest;

/// <summary>
/// Writes a back-test for people: one line per scheduled check (and per nudge that changed a verdict or
/// breached), the breaches with their reasons and commands, a summary per metric, and the outcome.
/// </summary>
internal static class BacktestPrinter
{
    private const int Column = 26;

    public static void Print(BacktestReport report, bool deploymentGiven, TextWriter output)
    {
        var policy = report.Policy;
        var recording = report.Recording;
        output.WriteLine($"Back-test of policy '{policy.Name}' over {recording.Path}");
        output.WriteLine($"  org {recording.OrgId}: {recording.Messages.Count} messages, {Time(recording.Start)} to {Time(recording.End)}");
        output.WriteLine($"  deployment completed at {Time(report.DeployedAt)} ({(deploymentGiven ? "given" : $"once the recording covers the policy's {Span(policy.BaselineWindow)} baseline")})");
        output.WriteLine($"  window {Span(policy.Window)}, warm-up {Span(policy.Warmup)}, a check every {Span(policy.Interval)}; each failure signal received nudges a judgement");
        output.WriteLine();
        output.WriteLine(Row("time", "after", "trigger", policy.Metrics.Select(m => m.Name)));
        var previous = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var judgement in report.Judgements)
        {
            var changed = judgement.Judgements.Any(j => !previous.TryGetValue(j.Metric, out var before) || before != j.Verdict);
            if (judgement.Trigger != JudgementTrigger.Nudge || changed || judgement.Breached.Count > 0)
            {
                output.WriteLine(Row(Clock(judgement.At), After(report, judgement.At), judgement.Trigger.ToString().ToLowerInvariant(),
                    policy.Metrics.Select(m => Cell(m, judgement.Judgements.FirstOrDefault(j => j.Metric == m.Name)))));
            }

            foreach (var metric in judgement.Breached)
            {
                var why = judgement.Judgements.First(j => j.Metric == metric);
                var command = judgement.Commands.FirstOrDefault(c => c.Reason.Metric == metric);
                output.WriteLine($"           BREACH {metric}: {why.Reason}" + (command is null ? "; no command" : $" -> {command.Type.ToString().ToLowerInvariant()} command {command.CommandId}"));
            }

            foreach (var j in judgement.Judgements)
            {
                previous[j.Metric] = j.Verdict;
            }
        }

        output.WriteLine();
        output.WriteLine("Per metric:");
        foreach (var metric in policy.Metrics)
        {
            var verdicts = report.Judgements.SelectMany(j => j.Judgements).Where(j => j.Metric == metric.Name).ToList();
            var counts = string.Join(", ", verdicts.GroupBy(v => v.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
            var breach = report.Breaches.FirstOrDefault(b => b.Breached.Contains(metric.Name));
            var where = breach is null
                ? "never breached"
                : $"breached at {Time(breach.At)} ({After(report, breach.At)} after the deployment) -> {metric.OnBreach.Kind.ToString().ToLowerInvariant()}";
            output.WriteLine($"  {metric.Name,-24} {verdicts.Count} judgements: {counts}; {where}");
        }

        output.WriteLine();
        output.WriteLine($"Outcome: {report.Final.Phase}. {report.Final.Outcome}");
    }

    private static string Row(string time, string after, string trigger, IEnumerable<string> cells) =>
        $"{time,-10} {after,-9} {trigger,-10} " + string.Concat(cells.Select(c => c.PadRight(Column)));

    private static string Cell(MetricPolicy metric, MetricJudgement? judgement) => judgement is null
        ? "-"
        : judgement.Observed is { } observed
            ? $"{judgement.Verdict} {observed.ToString("0.#", CultureInfo.InvariantCulture)}{JudgingText.Unit(metric.Measure)}"
            : judgement.Verdict.ToString();

    private static string After(BacktestReport report, DateTimeOffset at) => "+" + Span(at - report.DeployedAt);

    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.Seconds == 0 ? $"{span.Minutes}m" : $"{span.Minutes}m{span.Seconds:00}s";

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
