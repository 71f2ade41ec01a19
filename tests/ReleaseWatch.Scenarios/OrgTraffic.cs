namespace ReleaseWatch.Scenarios;

/// <summary>
/// The org's own everyday traffic over the whole recording, before and after the deployment alike: routine
/// Nebula Logger transactions, chronic errors with their bursts, people and integrations changing records,
/// a flaky batch job. Scenario shapes change it only through the builder's knobs.
/// </summary>
internal static class OrgTraffic
{
    public static IEnumerable<GeneratedEvent> Render(ScenarioBuilder scenario)
    {
        var org = scenario.Org;
        var random = scenario.Random;
        var (from, to) = (scenario.StartsAt, scenario.EndsAt);
        var logs = scenario.Logs;
        var events = new List<GeneratedEvent>();

        foreach (var at in Arrivals.Cox(random, from, to, t => org.LogTransactionsPerMinute * scenario.Activity(t), 6, TimeSpan.FromSeconds(90)))
        {
            events.AddRange(logs.Transaction(at, null));
        }

        // Chronic errors: a few kinds dominate (the first of the org's list most), as in every org's error log.
        var weights = org.ChronicErrors.Select((_, i) => 1.0 / (i + 1)).ToArray();
        foreach (var at in Arrivals.Cox(random, from, to, t => org.ErrorsPerMinute * scenario.Activity(t), scenario.ErrorShape, TimeSpan.FromSeconds(100)))
        {
            events.AddRange(logs.Transaction(at, Weighted(random, org.ChronicErrors, weights)));
        }

        foreach (var at in scenario.BurstTimes ?? Arrivals.PerHour(random, from, to, scenario.BurstsPerHour))
        {
            var kind = random.Pick(org.ChronicErrors);
            foreach (var moment in Arrivals.Burst(random, at, random.Between(8, 12), random.Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(50))))
            {
                events.AddRange(logs.Transaction(moment, kind));
            }
        }

        foreach (var entity in org.Business)
        {
            Business(scenario, entity, events);
        }

        var job = scenario.Batches.Job();
        foreach (var at in Arrivals.PerHour(random, from, to, org.BatchErrorsPerHour))
        {
            job = job.NextRun(random);
            events.Add(scenario.Batches.Failure(job, at, "EXECUTE"));
        }

        return events;
    }

    private static void Business(ScenarioBuilder scenario, BusinessObject entity, List<GeneratedEvent> events)
    {
        var org = scenario.Org;
        var random = scenario.Random;
        var (from, to) = (scenario.StartsAt, scenario.EndsAt);
        var creates = scenario.CreatesFactor(entity);
        foreach (var at in Arrivals.Cox(random, from, to, t => entity.CreatesPerMinute * scenario.UserActivity(t) * creates(t), 10, TimeSpan.FromSeconds(120)))
        {
            events.Add(scenario.Changes.Created(entity, at, random.Pick(org.Users)));
        }

        foreach (var at in Arrivals.Cox(random, from, to, t => entity.UpdatesPerMinute * scenario.UserActivity(t), 6, TimeSpan.FromSeconds(120)))
        {
            events.Add(scenario.Changes.Updated(entity, at, random.Pick(org.Users), byIntegration: false));
        }

        foreach (var at in Arrivals.Cox(random, from, to, t => entity.DeletesPerMinute * scenario.UserActivity(t), double.PositiveInfinity, TimeSpan.FromMinutes(5)))
        {
            events.Add(scenario.Changes.Deleted(entity, at, random.Pick(org.Users)));
        }

        if (entity.SyncEvery is { } every)
        {
            for (var run = from + (every * random.NextDouble()); run < to; run += every)
            {
                var size = (int)(entity.SyncSize * random.Uniform(0.5, 1.5));
                foreach (var at in Arrivals.Burst(random, run, size, random.Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40))))
                {
                    events.Add(scenario.Changes.Updated(entity, at, org.IntegrationUser, byIntegration: true));
                }
            }
        }
    }

    private static ErrorFingerprint Weighted(Random random, IReadOnlyList<ErrorFingerprint> kinds, double[] weights)
    {
        var pick = random.NextDouble() * weights.Sum();
        for (var i = 0; i < kinds.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return kinds[i];
            }
        }

        return kinds[^1];
    }
}
