using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
/// and baselines (and ratio denominators) from Table Storage, decides, and stores the step.
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
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReleaseWatch(configuration);
        var policy = BenchmarkPolicy.Create();
        services.RemoveAll<PolicyCatalog>();
        services.AddSingleton(new PolicyCatalog([policy, PolicyCatalog.FromConfiguration(configuration).Default]));
        await using var provider = services.BuildServiceProvider();

        var start = TimeProvider.System.GetUtcNow().AddMinutes(-5);
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
                foreach (var id in mine)
                {
                    await checks.JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None);
                    Interlocked.Increment(ref judged);
                }
            }
        })));

        var rate = judged / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"judge-azurite: {watchCount} watches x {policy.Metrics.Count} metrics, {concurrency} at a time, {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  watches judged and stored: {judged} ({rate:0.0}/s, {1000 / rate:0.0} ms each)");
        Console.WriteLine($"  metric judgements: {rate * policy.Metrics.Count:0}/s");
        Console.WriteLine($"  storage requests per watch check: {tally.Per(judged):0.0} ({tally.Describe(judged)})");
        return 0;
    }

    private static async Task SeedSignalsAsync(ServiceProvider provider, Policy policy, DateTimeOffset start)
    {
        var store = provider.GetRequiredService<TableSignalStore>();
        var signals = policy.Metrics.Select(m => m.Signal).Concat(policy.Metrics.Select(m => m.Denominator).OfType<string>()).Distinct();
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
        await provider.GetRequiredService<StreamStateStore>().ReportAsync(OrgId, "/event/Bench__e", StreamState.Connected, null, TimeProvider.System.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);
    }
}
