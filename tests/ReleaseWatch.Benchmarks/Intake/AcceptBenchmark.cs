using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Benchmarks.Capture;
using ReleaseWatch.Benchmarks.Storage;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Benchmarks.Intake;

/// <summary>
/// Deployments accepted one after another for one org (each supersedes the one before), against Azurite: Table Storage
/// requests per accept and time, for the first and the last of them, so a cost that grows with the history shows.
/// </summary>
internal static class AcceptBenchmark
{
    private const string OrgId = "00DBENCH000000001A";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1200;
        const int sample = 100;
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
        await using var provider = services.BuildServiceProvider();
        var intake = provider.GetRequiredService<DeploymentIntake>();
        var completed = TimeProvider.System.GetUtcNow().AddMinutes(-30);

        Console.WriteLine($"accept: {count} deployments to one org, each superseding the one before (Azurite)");
        for (var i = 0; i < count; i++)
        {
            var measured = i < sample || i >= count - sample;
            var tally = RequestTally.Start(provider);
            var clock = Stopwatch.StartNew();
            var notice = new DeploymentNotice($"bench-{i}", new OrgRef(OrgId, "Benchmark Org", "production"), new ReleaseRef("2.0.0", "1.9.0", null),
                completed.AddSeconds(i), new PipelineRef("bench", null), null);
            var result = await intake.AcceptAsync(notice, "benchmark", CancellationToken.None);
            if (result.Outcome != IntakeOutcome.Created)
            {
                throw new InvalidOperationException($"accept {i}: {result.Outcome} {result.Detail}");
            }

            if (measured)
            {
                (i < sample ? First : Last).Add(tally.Requests, clock.Elapsed, tally.Describe(1));
            }
        }

        Console.WriteLine($"  first {sample}: {First.Summary}");
        Console.WriteLine($"  last {sample} (after {count - sample} accepted): {Last.Summary}");
        Console.WriteLine($"  requests of the last accept: {Last.LastDescription}");
        return 0;
    }

    private static readonly Measures First = new(), Last = new();

    private sealed class Measures
    {
        private readonly List<long> _requests = [];
        private readonly List<double> _milliseconds = [];

        public string LastDescription { get; private set; } = "";

        public void Add(long requests, TimeSpan elapsed, string description)
        {
            _requests.Add(requests);
            _milliseconds.Add(elapsed.TotalMilliseconds);
            LastDescription = description;
        }

        public string Summary => FormattableString.Invariant(
            $"{_requests.Average():0.0} requests per accept (min {_requests.Min()}, max {_requests.Max()}), {_milliseconds.Average():0.0} ms each");
    }
}
