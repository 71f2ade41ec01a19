using System.Globalization;
using ReleaseWatch.Backtest;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Scenarios;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>
/// The scenario benchmark's only contact with the back-test (Shared/Backtest): the built-in default policy,
/// run over a written recording through the live classifier, judge and decider, read back as an outcome.
/// </summary>
internal static class ScenarioBacktest
{
    public static Policy Policy { get; } = new PolicyCatalog([]).Default;

    /// <summary>What a recording must cover for this policy: its baseline window and its watch window.</summary>
    public static ScenarioSpan Span => new(Policy.BaselineWindow, Policy.Window);

    public static string Describe() =>
        $"policy '{Policy.Name}': window {Policy.Window.TotalMinutes:0}m, warm-up {Policy.Warmup.TotalMinutes:0.#}m, baseline {Policy.BaselineWindow.TotalMinutes:0}m, metrics "
        + string.Join(", ", Policy.Metrics.Select(m => $"{m.Name} ({m.Signal}, {m.Severity.ToString().ToLowerInvariant()}, {FailWhenConditions.Describe(m)})"));

    public static async Task<ScenarioOutcome> RunAsync(LabelledRecording scenario, string folder, bool keepPrintout, CancellationToken cancellationToken)
    {
        var path = await scenario.WriteAsync(folder, cancellationToken);
        var report = await Backtester.RunAsync(await Recording.ReadAsync(path, cancellationToken), Policy, null, scenario.Label.DeployedAt, cancellationToken);
        string? printout = null;
        if (keepPrintout)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            BacktestPrinter.Print(report, deploymentGiven: true, text);
            printout = text.ToString();
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".backtest.txt"), printout, cancellationToken);
        }
        else
        {
            File.Delete(path);
        }

        var revert = report.Judgements.FirstOrDefault(j => j.Commands.Any(c => c.Type == CommandType.Revert));
        var revertedBy = revert?.Commands.First(c => c.Type == CommandType.Revert).Reason.Metric;
        var breach = revert?.Judgements.First(j => j.Metric == revertedBy);
        string[] quiet = ["Verified:", "Inconclusive:"];
        var alerts = report.Final.AlertsRaised.Where(a => !quiet.Any(q => a.StartsWith(q, StringComparison.Ordinal))).ToList();
        var why = revert is not null
            ? $"{revertedBy} at {After(report, revert.At)}: {breach!.Reason}"
            : Explain(report, scenario.Label);
        return new ScenarioOutcome(report.Final.Phase.ToString(), revert?.At - report.DeployedAt, revertedBy, breach?.Signal, alerts, why, printout);
    }

    /// <summary>Why nothing was reverted: the outcome, and how close each metric on the incident's signal came.</summary>
    private static string Explain(BacktestReport report, ScenarioLabel label)
    {
        var outcome = report.Final.Outcome;
        var signal = label.Incident?.Signal;
        // A healthy release: every metric. A silent stream: the metrics whose signal that channel could feed (by the default rules).
        var watched = Policy.Metrics.Where(m => label.Incident switch
        {
            null => true,
            { Signal: null } silent => DefaultSignalRules.All.Any(r => SignalClassifier.CouldName(r, silent.Channel, m.Signal))
                || ISignalFamilies.Matches(m.Signal, ChannelTraffic.Signal(silent.Channel)),
            _ => ISignalFamilies.Matches(m.Signal, signal!),
        }).ToList();
        if (watched.Count == 0)
        {
            return $"no metric of '{Policy.Name}' reads {signal ?? $"a signal of {label.Incident?.Channel}"}; {outcome}";
        }

        var closest = watched.Select(metric =>
        {
            var verdicts = report.Judgements.SelectMany(j => j.Judgements.Select(m => (j.At, Judgement: m))).Where(v => v.Judgement.Metric == metric.Name || v.Judgement.Metric.StartsWith(metric.Name + ":", StringComparison.Ordinal)).ToList();
            if (verdicts.Count == 0)
            {
                return $"{metric.Name}: never judged (no member of its family had enough baseline)";
            }

            var counts = string.Join(" ", verdicts.GroupBy(v => v.Judgement.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
            var measured = verdicts.Where(v => v.Judgement.Observed is not null).ToList();
            var peak = measured.Count == 0 ? default : measured.MaxBy(v => v.Judgement.Observed);
            var breached = report.Breaches.Any(b => b.Breached.Contains(metric.Name)) ? $", breached -> {metric.OnBreach.Kind.ToString().ToLowerInvariant()} only" : "";
            return peak.Judgement is null
                ? $"{metric.Name}: {counts}"
                : $"{metric.Name}: {counts}{breached}; peak at {After(report, peak.At)}: {peak.Judgement.Reason}";
        });
        return $"{string.Join(" | ", closest)}; {outcome}";
    }

    private static string After(BacktestReport report, DateTimeOffset at)
    {
        var span = at - report.DeployedAt;
        return $"+{(int)span.TotalMinutes}m{span.Seconds:00}s";
    }
}
