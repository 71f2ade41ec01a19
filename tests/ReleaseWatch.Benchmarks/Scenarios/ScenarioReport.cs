using System.Globalization;

namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>
/// Prints a scenario run for people: per incident type the recall (detected with a revert / all, see <see cref="Detected"/>),
/// detection delay and the metric that caught it; per healthy type false reverts, false alerts and how many
/// ended Verified or Inconclusive; totals; then one line of why for every miss, false revert and false alert.
/// </summary>
internal static class ScenarioReport
{
    public static void Print(IReadOnlyList<ScenarioRun> runs, TextWriter output)
    {
        var incidents = runs.Where(r => r.Label.IsIncident).ToList();
        var healthy = runs.Where(r => !r.Label.IsIncident).ToList();
        output.WriteLine($"{"incident type",-26}{"recall",-9}{"ended (reverted/inconclusive/verified/other)",-46}{"delay after deployment med / max",-34}{"after onset med / max",-24}caught by");
        foreach (var type in incidents.GroupBy(r => r.Label.Type))
        {
            var detected = type.Where(Detected).ToList();
            output.WriteLine($"{type.Key,-26}{$"{detected.Count}/{type.Count()}",-9}{Ended(type),-46}"
                + $"{Spread(detected.Select(r => r.Outcome.RevertAfter!.Value)),-34}{Spread(detected.Select(r => r.AfterOnset!.Value)),-24}"
                + string.Join(", ", detected.GroupBy(r => r.Outcome.RevertMetric).Select(g => $"{g.Key} {g.Count()}")));
        }

        output.WriteLine();
        output.WriteLine($"{"healthy type",-26}{"false reverts",-15}{"false alerts",-14}{"verified",-10}{"inconclusive",-14}other");
        foreach (var type in healthy.GroupBy(r => r.Label.Type))
        {
            var count = type.Count();
            output.WriteLine($"{type.Key,-26}{$"{type.Count(r => r.Reverted)}/{count}",-15}{$"{type.Count(r => r.Outcome.AlertedOnly)}/{count}",-14}"
                + $"{type.Count(r => r.Outcome.Phase == "Verified"),-10}{type.Count(r => r.Outcome.Phase == "Inconclusive"),-14}{Other(type)}");
        }

        output.WriteLine();
        var found = incidents.Count(Detected);
        output.WriteLine($"totals: incidents detected {found}/{incidents.Count} ({Percent(found, incidents.Count)}), median delay after onset {Spread(incidents.Where(Detected).Select(r => r.AfterOnset!.Value))}; "
            + $"healthy: {healthy.Count(r => r.Reverted)}/{healthy.Count} false reverts, {healthy.Count(r => r.Outcome.AlertedOnly)}/{healthy.Count} false alerts, "
            + $"{healthy.Count(r => r.Outcome.Phase == "Verified")} verified, {healthy.Count(r => r.Outcome.Phase == "Inconclusive")} inconclusive");

        Section(output, "misses (not reverted after the incident began by a metric on its signal)", incidents.Where(r => !Detected(r)));
        Section(output, "false reverts", healthy.Where(r => r.Reverted));
        Section(output, "false alerts (a problem alert without a revert)", healthy.Where(r => r.Outcome.AlertedOnly), r => string.Join(", ", r.Outcome.Alerts) + "; " + r.Outcome.Why);
    }

    /// <summary>
    /// Detected: reverted after the incident began, by a metric on the incident's signal (any metric, for a silent
    /// stream). A revert before the onset, or by a metric on another signal, was noise that happened to come.
    /// </summary>
    public static bool Detected(ScenarioRun run) => run.AfterOnset is { } after && after >= TimeSpan.Zero
        && (run.Label.Incident?.Signal is not { } signal || signal == run.Outcome.RevertSignal);

    private static void Section(TextWriter output, string title, IEnumerable<ScenarioRun> runs, Func<ScenarioRun, string>? why = null)
    {
        var list = runs.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var run in list)
        {
            output.WriteLine($"  {run.Label.Name} [{run.Label.OrgSize.ToString().ToLowerInvariant()}, ended {run.Outcome.Phase}]: {(why ?? (r => r.Outcome.Why))(run)}");
        }
    }

    private static string Ended(IEnumerable<ScenarioRun> runs)
    {
        var list = runs.ToList();
        var other = list.Count(r => !r.Reverted && r.Outcome.Phase is not ("Inconclusive" or "Verified"));
        return $"{list.Count(r => r.Reverted)}/{list.Count(r => !r.Reverted && r.Outcome.Phase == "Inconclusive")}/{list.Count(r => !r.Reverted && r.Outcome.Phase == "Verified")}/{other}"
            + (list.Any(r => r.Reverted && !Detected(r)) ? $" ({list.Count(r => r.Reverted && !Detected(r))} by noise)" : "");
    }

    private static string Other(IEnumerable<ScenarioRun> runs) =>
        string.Join(", ", runs.Where(r => r.Outcome.Phase is not ("Verified" or "Inconclusive")).GroupBy(r => r.Outcome.Phase).Select(g => $"{g.Count()} {g.Key}"));

    private static string Spread(IEnumerable<TimeSpan> delays)
    {
        var sorted = delays.Order().ToList();
        if (sorted.Count == 0)
        {
            return "-";
        }

        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return $"{Span(median)} / {Span(sorted[^1])}";
    }

    private static string Span(TimeSpan span) => $"{(span < TimeSpan.Zero ? "-" : "+")}{(int)Math.Abs(span.TotalMinutes)}m{Math.Abs(span.Seconds):00}s";

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (part / (double)whole).ToString("P0", CultureInfo.InvariantCulture);
}
