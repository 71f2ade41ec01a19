using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Benchmarks.Capture;
using ReleaseWatch.Commands;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Runtime;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Benchmarks.Rollouts;

/// <summary>
/// A wave of N orgs against a real Azurite: the rollout is started, its promote result starts N watches (in concurrent
/// batches), then every watch is aborted so that N watch-outcome steps reach the rollout, which decides its gate.
/// </summary>
internal static class RolloutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var orgs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        await using var peers = new BenchmarkPeers();
        await peers.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = peers.StorageConnectionString,
            ["ReleaseWatch:Intake:SigningSecret"] = "benchmark-signing-secret",
            ["ReleaseWatch:Rollouts:StartConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1",
        };
        var ids = Enumerable.Range(0, orgs).Select(i => $"00DBENCH{i:D7}AAA").ToList();
        for (var i = 0; i < orgs; i++)
        {
            settings[$"ReleaseWatch:Orgs:{i}:Id"] = ids[i];
            settings[$"ReleaseWatch:Orgs:{i}:Name"] = $"Subscriber {i}";
            settings[$"ReleaseWatch:Orgs:{i}:Environment"] = "production";
            settings[$"ReleaseWatch:Orgs:{i}:Labels:tier"] = "production";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReleaseWatch(configuration);
        await using var provider = services.BuildServiceProvider();
        var reader = provider.GetRequiredService<RolloutRequestReader>();
        var runner = provider.GetRequiredService<RolloutRunner>();
        var body = $$"""{"rolloutId": "bench-{{Guid.NewGuid():N}}", "release": {"version": "2.0.0", "previousVersion": "1.9.0"}, "waves": [{"name": "all", "group": {"tier": "production"}, "bake": "PT0M", "success": "quorum", "quorum": 0.95}]}""";

        var clock = Stopwatch.StartNew();
        var (plan, errors) = reader.Read(Encoding.UTF8.GetBytes(body));
        if (plan is null)
        {
            Console.Error.WriteLine(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return 1;
        }

        var (state, _) = await runner.StartAsync(new RolloutRequested(plan, "benchmark"), CancellationToken.None);
        var started = clock.Elapsed;
        var promote = (await provider.GetRequiredService<IWatchStore>().GetOutboxAsync(state.Key, CancellationToken.None)).Single(i => i.Kind == Outbox.OutboxItemKind.Command).Command!;

        clock.Restart();
        await provider.GetRequiredService<ICommandResultHandler>().HandleAsync(new CommandResult(promote.CommandId, CommandResultStatus.Succeeded, null, TimeProvider.System.GetUtcNow()), CancellationToken.None);
        var watchesStarted = clock.Elapsed;
        var baking = (await provider.GetRequiredService<IRolloutStore>().GetAsync(state.Key, CancellationToken.None))!.State;

        clock.Restart();
        var watchRunner = provider.GetRequiredService<WatchRunner>();
        var settledTimes = new List<double>();
        foreach (var org in baking.Wave.Orgs)
        {
            var one = Stopwatch.StartNew();
            await watchRunner.ApplyAsync(org.WatchId!, new OperatorActed(OperatorActionKind.Abort, "benchmark", null, null), CancellationToken.None);
            settledTimes.Add(one.Elapsed.TotalMilliseconds);
        }

        var settled = clock.Elapsed;
        var final = (await provider.GetRequiredService<IRolloutStore>().GetAsync(state.Key, CancellationToken.None))!.State;
        settledTimes.Sort();
        Console.WriteLine($"rollout: one wave of {orgs} orgs, watches created {concurrency} at a time (Azurite)");
        Console.WriteLine($"  rollout started (validated, stored, promote command in the outbox): {started.TotalMilliseconds:0} ms");
        Console.WriteLine($"  promote result -> {orgs} watches created: {watchesStarted.TotalSeconds:0.00} s ({orgs / watchesStarted.TotalSeconds:0} watches/s)");
        Console.WriteLine($"  {orgs} watch outcomes -> rollout steps: {settled.TotalSeconds:0.00} s ({orgs / settled.TotalSeconds:0}/s; per watch step + rollout step p50 {settledTimes[settledTimes.Count / 2]:0} ms, p95 {settledTimes[(int)(settledTimes.Count * 0.95)]:0} ms)");
        Console.WriteLine($"  rollout ended {final.Phase}: {final.Outcome}");
        return 0;
    }
}
