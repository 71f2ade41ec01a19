using System.Globalization;
using static ReleaseWatch.Scenarios.IncidentShapes;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Generates labelled recordings: the same type and seed always give the same recording. Each covers the
/// baseline window before its deployment and the watch window after it; the deployment lands at any second
/// of a minute, on a weekday, at a time the type's slot allows in the org's own time zone.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>The recording a name stands for: "error-spike-123456" is type error-spike, seed 123456.</summary>
    public static LabelledRecording Generate(string name, ScenarioSpan? span = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            throw new ArgumentException($"'{name}' is not a scenario name like error-spike-123456", nameof(name));
        }

        return Generate(ScenarioCatalog.Get(name[..dash]), seed, span);
    }

    public static LabelledRecording Generate(ScenarioType type, int seed, ScenarioSpan? span = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var random = new Random(seed);
        var org = OrgProfile.Create(random, random.Pick(type.Sizes));
        var scenario = new ScenarioBuilder(org, random, DeploymentTime(random, type.Slot, org.UtcOffset), span ?? ScenarioSpan.Default);
        type.Shape(scenario);
        var lines = scenario.Render();
        var label = new ScenarioLabel(
            $"{type.Name}-{seed}", type.Name, type.IsIncident, seed, org.Id, org.Name, org.Size,
            scenario.StartsAt, scenario.DeployedAt, scenario.EndsAt, scenario.Incident, scenario.Summary, Traits(scenario));
        return new LabelledRecording(label, lines);
    }

    private static DateTimeOffset DeploymentTime(Random random, DeploySlot slot, TimeSpan utcOffset)
    {
        var monday = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Unspecified);
        var day = monday.AddDays((7 * random.Next(40)) + random.Next(5));
        var hours = slot switch
        {
            DeploySlot.MorningRamp => random.Uniform(6.75, 8.25),
            DeploySlot.Lunch => random.Uniform(11.58, 12.17),
            _ => random.NextDouble() switch
            {
                < 0.35 => random.Uniform(18, 22),
                < 0.75 => random.Uniform(9, 17),
                < 0.9 => random.Uniform(6, 9),
                _ => random.Uniform(22, 26),
            },
        };
        var local = day.AddMinutes(Math.Floor(hours * 60)).AddMilliseconds(random.Next(60_000));
        return new DateTimeOffset(local, utcOffset).ToUniversalTime();
    }

    private static List<string> Traits(ScenarioBuilder s)
    {
        var org = s.Org;
        var local = s.DeployedAt.ToOffset(org.UtcOffset);
        var traits = new List<string>
        {
            $"{org.Size.ToString().ToLowerInvariant()} org, deployed {local:yyyy-MM-dd HH:mm:ss} local (UTC{(org.UtcOffset < TimeSpan.Zero ? "-" : "+")}{org.UtcOffset:hh\\:mm})",
            $"errors {Rate(org.ErrorsPerMinute)} (gamma shape {s.ErrorShape:0.00}), bursts {(s.BurstTimes is { } placed ? $"{placed.Count} placed" : $"{s.BurstsPerHour:0.0}/hour")}",
            $"Nebula Logger at {org.LoggingLevel}, {Rate(org.LogTransactionsPerMinute)} logging transactions",
            "streams " + string.Join(", ", org.Business.Select(b => $"{b.Entity} (creates {Rate(b.CreatesPerMinute)}, updates {Rate(b.UpdatesPerMinute)}{(b.SyncEvery is { } e ? $", sync every {e.TotalMinutes:0}m" : "")})")),
        };
        if (org.BatchErrorsPerHour > 0)
        {
            traits.Add($"a flaky batch job fails {org.BatchErrorsPerHour:0.0}/hour");
        }

        if (s.WarmupBurst)
        {
            traits.Add("warm-up burst after the deployment");
        }

        return traits;
    }
}
