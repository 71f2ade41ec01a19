using System.Globalization;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Broken releases, each on top of the org's everyday traffic. Most breakages start when the first users reach
/// the changed code, seconds after the deployment; some wait for a scheduled job or a less used path.
/// </summary>
internal static class IncidentShapes
{
    public static void ErrorSpike(ScenarioBuilder s)
    {
        var kind = s.Random.Chance(0.7) ? s.Random.Pick(ErrorCatalog.Introduced) : s.Random.Pick(s.Org.ChronicErrors);
        var onset = Onset(s);
        var rate = s.Random.Uniform(10, 40);
        s.Errors(kind, onset, t => rate * s.Activity(t), shape: 8);
        s.MarkIncident(onset, "apex.error", NebulaLogEntries.Channel, $"{Kind(kind)} about {Rate(rate)} from {Since(s, onset)}");
    }

    public static void SlowErrorCreep(ScenarioBuilder s)
    {
        var kind = s.Random.Pick(ErrorCatalog.Introduced);
        var onset = s.DeployedAt + s.After(TimeSpan.Zero, TimeSpan.FromMinutes(5));
        var ramp = s.After(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(45));
        var peak = s.Random.Uniform(8, 20);
        s.Errors(kind, onset, t => peak * Math.Clamp((t - onset) / ramp, 0, 1), shape: 8);
        s.MarkIncident(onset, "apex.error", NebulaLogEntries.Channel, $"{Kind(kind)} growing from 0 to {Rate(peak)} over {ramp.TotalMinutes:0} minutes from {Since(s, onset)}");
    }

    public static void BusinessDropToZero(ScenarioBuilder s) => BusinessDrop(s, 0);

    public static void BusinessDropPartial(ScenarioBuilder s) => BusinessDrop(s, s.Random.Uniform(0.2, 0.4));

    public static void SilentLogStream(ScenarioBuilder s)
    {
        var onset = s.DeployedAt + s.After(TimeSpan.Zero, TimeSpan.FromMinutes(2));
        s.Silence(NebulaLogEntries.Channel, onset);
        s.MarkIncident(onset, null, NebulaLogEntries.Channel,
            $"Nebula Logger stops publishing (the release broke its settings): {NebulaLogEntries.Channel} stays connected and delivers nothing, errors and info alike, from {Since(s, onset)}");
    }

    /// <summary>A new exception at 3–6 a minute: on a quiet org it is most of the errors, on a busy one it hides in the noise.</summary>
    public static void NewException(ScenarioBuilder s)
    {
        var kind = s.Random.Pick(ErrorCatalog.Introduced);
        var onset = s.DeployedAt + s.After(TimeSpan.Zero, TimeSpan.FromMinutes(3));
        var rate = s.Random.Uniform(3, 6);
        s.Errors(kind, onset, t => rate * s.Activity(t), shape: 10);
        s.MarkIncident(onset, "apex.error", NebulaLogEntries.Channel,
            $"new {Kind(kind)} about {Rate(rate)} from {Since(s, onset)} on an org with {Rate(s.Org.ErrorsPerMinute)} of other errors");
    }

    /// <summary>A batch class changed by the release fails its chunks: one long job, or a scheduled job that fails every run.</summary>
    public static void BatchApexFailures(ScenarioBuilder s)
    {
        var job = s.Batches.Job();
        var onset = s.DeployedAt + s.After(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        var scheduled = s.Random.Chance(0.5);
        var every = s.After(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
        var failsAtStart = s.Random.Chance(0.15);
        var failing = s.Random.Uniform(0.6, 1);
        for (var run = onset; run < s.EndsAt; run += every)
        {
            var chunks = scheduled ? s.Random.Between(5, 40) : s.Random.Between(30, 250);
            var at = run;
            for (var chunk = 0; chunk < (failsAtStart ? 1 : chunks); chunk++)
            {
                at += s.After(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(scheduled ? 5 : 12));
                if (failsAtStart || s.Random.Chance(failing))
                {
                    s.Add(s.Batches.Failure(job, at, failsAtStart ? "START" : "EXECUTE"));
                }
            }

            job = job.NextRun(s.Random);
            if (!scheduled)
            {
                break;
            }
        }

        s.MarkIncident(onset, "batch.error", BatchApexErrors.Channel,
            $"{job.ClassName} throws {job.ExceptionType} in {(failsAtStart ? "start" : $"{failing:P0} of its chunks")}, {(scheduled ? $"every run (every {every.TotalMinutes:0} minutes)" : "one long run")}, from {Since(s, onset)}");
    }

    private static void BusinessDrop(ScenarioBuilder s, double level)
    {
        // The busiest object the org creates records of; opportunities where it has them.
        var entity = s.Org.Business.OrderByDescending(b => b.Entity == "Opportunity" ? double.MaxValue : b.CreatesPerMinute).First();
        var onset = s.DeployedAt + s.After(TimeSpan.Zero, TimeSpan.FromSeconds(90));
        s.ScaleCreates(entity, t => t >= onset ? level : 1);
        s.MarkIncident(onset, entity.CreatedSignal, entity.Channel,
            $"{entity.Entity} creates fall from {Rate(entity.CreatesPerMinute)} to {level:P0} from {Since(s, onset)} (a broken save path; nothing is logged)");
    }

    private static DateTimeOffset Onset(ScenarioBuilder s) => s.DeployedAt + (s.Random.Chance(0.75)
        ? s.After(TimeSpan.Zero, TimeSpan.FromSeconds(60))
        : s.After(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(20)));

    internal static string Kind(ErrorFingerprint kind) => $"{kind.ExceptionType ?? "flow fault"} in {kind.Location}";

    internal static string Rate(double perMinute) => string.Create(CultureInfo.InvariantCulture, $"{perMinute:0.#}/min");

    internal static string Since(ScenarioBuilder s, DateTimeOffset at)
    {
        var after = at - s.DeployedAt;
        return $"+{(int)after.TotalMinutes}m{after.Seconds:00}s";
    }
}
