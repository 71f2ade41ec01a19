using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.EndToEnd;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Benchmarks.Latency;

/// <summary>
/// Detection latency on the end-to-end loop (real executable, Azurite, Faye, RabbitMQ): for each of N orgs
/// under watch (policy: any Apex error reverts, for = 0), the time from the streaming server publishing the one
/// event that makes the rule fail to the revert command arriving on release-commands. The ticker runs every
/// 5 s and checks are a minute apart, so a latency well under that shows capture nudging the judge.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var breaches = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        // The in-process peers (token endpoint, Teams receiver) and the service would log every request.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var streaming = new SalesforcePeer();
        await streaming.InitializeAsync();
        await using var tokens = await TokenEndpoint.StartAsync(streaming);
        var orgs = Enumerable.Range(1, breaches)
            .Select(i => new StreamedOrg($"00DLAT{i:D9}AAA", $"Latency org {i}", "latency", $"/event/Latency{i}__e", streaming, tokens))
            .ToList();
        Console.WriteLine($"latency: starting the loop with {breaches} orgs (Azurite, RabbitMQ, SMTP, Teams receiver, Faye, ReleaseWatch)...");
        await using var loop = await ReleaseLoop.StartAsync(orgs,
            new Dictionary<string, string> { ["latency"] = LoopPolicies.ApexErrors(window: "PT10M", interval: "PT1M", above: "0") },
            new Dictionary<string, string> { ["ReleaseWatch__Watches__TickInterval"] = "00:00:05" });
        try
        {
            var watches = new List<string>();
            foreach (var org in orgs)
            {
                watches.Add(await loop.PostDeploymentAsync(org, "latency-" + org.Id));
            }

            foreach (var watch in watches)
            {
                await loop.WaitForPhaseAsync(watch, "watching", TimeSpan.FromSeconds(60));
            }

            var samples = new List<TimeSpan>();
            foreach (var org in orgs)
            {
                var published = Stopwatch.GetTimestamp();
                await org.Streaming.PublishAsync(org.Channel, new JsonObject { ["Message__c"] = "System.NullPointerException" });
                var (arrived, _) = await loop.Commands.WaitForAsync("latency-" + org.Id, TimeSpan.FromSeconds(30));
                samples.Add(Stopwatch.GetElapsedTime(published, arrived));
                Console.WriteLine($"latency: breach {samples.Count,2}: {samples[^1].TotalMilliseconds,7:0.0} ms");
            }

            samples.Sort();
            Console.WriteLine($"latency: {samples.Count} breaches, publish -> revert command on the broker: median {Percentile(samples, 0.50).TotalMilliseconds:0.0} ms, p99 {Percentile(samples, 0.99).TotalMilliseconds:0.0} ms, min {samples[0].TotalMilliseconds:0.0} ms, max {samples[^1].TotalMilliseconds:0.0} ms");
            return 0;
        }
        finally
        {
            await streaming.DisposeAsync();
        }
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
