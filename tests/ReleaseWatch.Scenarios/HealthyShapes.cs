using static ReleaseWatch.Scenarios.IncidentShapes;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// Healthy releases: nothing broke, yet the streams do what real ones do. Nothing here differs between the
/// baseline and the watch except what the day (the ramp, lunch) or the deployment itself (warm-up) brings.
/// </summary>
internal static class HealthyShapes
{
    /// <summary>Overdispersed errors with bursts of 8–12, in the baseline as after the deployment.</summary>
    public static void BurstyNoise(ScenarioBuilder s)
    {
        s.ErrorShape = s.Random.Uniform(0.3, 0.8);
        var perHour = s.Random.Uniform(1.5, 3);
        var before = s.DeployedAt - s.After(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(55));
        var after = s.DeployedAt + s.After(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(57));
        s.BurstTimes = [.. Arrivals.PerHour(s.Random, s.StartsAt, s.EndsAt, perHour).Append(before).Append(after).Order()];
        s.Summary = $"bursty chronic errors (gamma shape {s.ErrorShape:0.00}), {s.BurstTimes.Count} bursts of 8-12 at about {perHour:0.#}/hour, before and after the deployment";
    }

    public static void DiurnalRamp(ScenarioBuilder s) =>
        s.Summary = $"deployed at {Local(s)} local time as the working day ramps up: every stream grows over the watch";

    /// <summary>A few one-off errors never seen before (a user's odd input, a stale record), and sometimes one small cluster.</summary>
    public static void StrayErrors(ScenarioBuilder s)
    {
        var strays = ErrorCatalog.Strays.OrderBy(_ => s.Random.Next()).Take(s.Random.Between(2, 6)).ToList();
        foreach (var kind in strays)
        {
            var at = s.DeployedAt + s.After(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(58));
            s.Error(at, kind);
            if (s.Random.Chance(0.3))
            {
                s.Error(at + s.After(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10)), kind);
            }
        }

        var cluster = s.Random.Chance(0.4);
        if (cluster)
        {
            var at = s.DeployedAt + s.After(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(55));
            foreach (var moment in Arrivals.Burst(s.Random, at, s.Random.Between(3, 5), TimeSpan.FromSeconds(30)))
            {
                s.Error(moment, strays[0]);
            }
        }

        s.Summary = $"{strays.Count} one-off errors of kinds the baseline never had{(cluster ? $", and a cluster of 3-5 {Kind(strays[0])} from one user" : "")}";
    }

    public static void WarmupBurst(ScenarioBuilder s)
    {
        s.WarmupBurst = true;
        s.Summary = "a burst of 10-40 errors within 100 s of the deployment (classes recompiling, caches cold), then the org's usual traffic";
    }

    public static void LunchDip(ScenarioBuilder s)
    {
        s.LunchLevel = s.Random.Uniform(0.35, 0.7);
        s.Summary = $"deployed at {Local(s)} local time: records created by people fall to {s.LunchLevel:P0} over lunch";
    }

    public static void QuietOrg(ScenarioBuilder s) =>
        s.Summary = $"a quiet org: {Rate(s.Org.ErrorsPerMinute)} of errors, {Rate(s.Org.Business.Sum(b => b.CreatesPerMinute))} of records created";

    private static string Local(ScenarioBuilder s) => s.DeployedAt.ToOffset(s.Org.UtcOffset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
