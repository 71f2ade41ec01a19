using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Benchmarks.Capture;
using ReleaseWatch.Benchmarks.Judging;
using ReleaseWatch.Benchmarks.Storage;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Benchmarks.Watches;

/// <summary>
/// Watches judged per second against a real Azurite: each judgement reads the 10 metrics' signal windows
/// and baselines (and ratio denominators) from Table Storage, decides, and stores the step. Judged twice: checks called
/// one after another, then as the ticker runs them (claiming the due timers, firing them, writing the next ones), the
/// clock moved on by the policy's interval after each tick.
/// </summary>
internal static class StoredJudgingBenchmark
{
    private const string OrgId = "00DBENCH000000001A";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var watchCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
        await using var peers = new BenchmarkPeers();
        await peers.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = peers.StorageConnectionString,
            ["ReleaseWatch:Intake:SigningSecret"] = "benchmark-signing-secret",
            ["ReleaseWatch:Orgs:0:Id"] = OrgId,
            ["ReleaseWatch:Orgs:0:Name"] = "Benchmark Org",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
            ["ReleaseWatch:Watches:TimersPerTick"] = "10000",
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReleaseWatch(configuration);
        var policy = BenchmarkPolicy.Create();
        services.RemoveAll<PolicyCatalog>();
        services.AddSingleton(new PolicyCatalog([policy, PolicyCatalog.FromConfiguration(configuration).Default]));
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(time);
        await using var provider = services.BuildServiceProvider();

        var start = time.GetUtcNow().AddMinutes(-5);
        var runner = provider.GetRequiredService<WatchRunner>();
        var ids = new List<string>();
        for (var i = 0; i < watchCount; i++)
        {
            var notice = new DeploymentNotice($"bench-{i}", new OrgRef(OrgId, "Benchmark Org", "production"), new ReleaseRef("2.0.0", "1.9.0", null), start, new PipelineRef("bench", null), null);
            var id = WatchId.For(OrgId, notice.DeploymentId);
            await runner.StartAsync(id, new DeploymentReceived(notice, policy.Name, "benchmark"), CancellationToken.None);
            ids.Add(id);
        }

        await SeedSignalsAsync(provider, policy, start);
        // The ticker's path: every watch's check timer is due; a tick claims, fires and completes them and writes the next.
        var ticker = provider.GetRequiredService<WatchTicker>();
        var interval = policy.Interval;
        var ticked = RequestTally.Start(provider);
        var tickClock = Stopwatch.StartNew();
        long fired = 0, ticks = 0;
        // At most 30 ticks (30 minutes of the hour-long window), so the checks called directly below still find their watches judging.
        while (tickClock.Elapsed < TimeSpan.FromSeconds(seconds) && ticks < 30)
        {
            // The stream reports in as a capture would (one row per tick, shared by the org's watches), so it is not judged stale.
            await ReportConnectedAsync(provider, time);
            fired += await ticker.TickAsync(CancellationToken.None);
            ticks++;
            time.Advance(interval);
        }

        var tickRate = fired / tickClock.Elapsed.TotalSeconds;
        Console.WriteLine($"judge-azurite: {watchCount} watches x {policy.Metrics.Count} metrics, {seconds} s each way");
        Console.WriteLine($"  through the ticker: {fired} checks in {ticks} ticks ({tickRate:0.0}/s, {1000 / tickRate:0.0} ms each)");
        Console.WriteLine($"  storage requests per watch check, timers included: {ticked.Per(fired):0.00} ({ticked.Describe(fired)})");

        // What the state cache holds: the managed heap with the watches' states remembered, and without.
        var cache = provider.GetRequiredService<WatchStateCache>();
        var held = cache.Count;
        var withStates = GC.GetTotalMemory(forceFullCollection: true);
        ids.ForEach(cache.Forget);
        var withoutStates = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  state cache: {held} watches, {(withStates - withoutStates) / 1024.0 / Math.Max(1, held):0.0} KB of managed heap each");

        var checks = provider.GetRequiredService<WatchChecks>();
        var tally = RequestTally.Start(provider);
        var clock = Stopwatch.StartNew();
        long judged = 0;
        // Each of `concurrency` workers judges its share of the watches in turn, as a ticker judging several at once would.
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = ids.Where((_, i) => i % concurrency == worker).ToList();
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await ReportConnectedAsync(provider, time);
                foreach (var id in mine)
                {
                    await checks.JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None);
                    Interlocked.Increment(ref judged);
                    // Each watch judged once per interval, as its timers would: every check expects a new next timer.
                    time.Advance(policy.Interval / watchCount);
                }
            }
        })));

        var rate = judged / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  checks called directly, {concurrency} at a time: {judged}");
        Console.WriteLine($"  watches judged and stored: {judged} ({rate:0.0}/s, {1000 / rate:0.0} ms each)");
        Console.WriteLine($"  metric judgements: {rate * policy.Metrics.Count:0}/s");
        Console.WriteLine($"  storage requests per watch check: {tally.Per(judged):0.0} ({tally.Describe(judged)})");

        return 0;
    }

    private static async Task SeedSignalsAsync(ServiceProvider provider, Policy policy, DateTimeOffset start)
    {
        var store = provider.GetRequiredService<TableSignalStore>();
        // A healthy release: every signal as busy as its baseline, except those any occurrence of fails (they stay at zero),
        // so every watch goes on judging (no breach, no alert) and a check costs what a healthy one costs.
        var signals = policy.Metrics.Select(m => m.Signal).Concat(policy.Metrics.Select(m => m.Denominator).OfType<string>()).Distinct()
            .Except(["batch.error", "login.failure", "limit.warning", "api.error"]);
        var occurrences = new List<SignalOccurrence>();
        long replay = 0;
        foreach (var signal in signals)
        {
            for (var minute = -60; minute < 60; minute++)
            {
                occurrences.Add(new SignalOccurrence(signal, "/event/Bench__e", ++replay, start.AddMinutes(minute)));
            }
        }

        await store.CountAsync(OrgId, occurrences, CancellationToken.None);
        await ReportConnectedAsync(provider, provider.GetRequiredService<TimeProvider>());
    }

    private static Task ReportConnectedAsync(ServiceProvider provider, TimeProvider time) =>
        provider.GetRequiredService<StreamStateStore>().ReportAsync(OrgId, "/event/Bench__e", StreamState.Connected, null, time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);
}
