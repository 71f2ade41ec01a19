using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Backtest;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Demo;

/// <summary>
/// The demo as a newcomer runs it: the real executable with no Salesforce org and no Service Bus, only the
/// demo switched on. It must reach a revert command kept in the outbox, tell the story on the console, and
/// decide what the back-test decides on the same recording, and both must show the recording's latency regression
/// (Lightning page times 80% slower from the deployment on) failing the default policy's p95 page-time metric.
/// </summary>
public sealed class DemoTests(AzuritePeer azurite) : IClassFixture<AzuritePeer>
{
    private const string OrgId = "00DLOCAL00000012HA";

    [Fact]
    public async Task The_demo_reaches_a_revert_command_and_decides_what_the_backtest_decides()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = "demo-test-signing-secret",
            ["ReleaseWatch__Orgs__0__Id"] = OrgId,
            ["ReleaseWatch__Orgs__0__Name"] = "Local Demo Org",
            ["ReleaseWatch__Orgs__0__Environment"] = "production",
            ["ReleaseWatch__Demo__Enabled"] = "true",
            // Half the README's speed: a demo minute is 4 s of real time, so a test machine busy with other tests
            // delays the live decision by demo seconds, not by the minutes 30x would make of the same real delay.
            ["ReleaseWatch__Demo__Speed"] = "15",
        });
        var watch = await RevertCommandAsync(service);

        var state = watch["state"]!;
        var command = Assert.Single(watch["outbox"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "command")!;
        Assert.Equal("pending", command["status"]!.GetValue<string>());
        Assert.Equal("revert", command["command"]!["type"]!.GetValue<string>());
        Assert.Equal("responding", state["phase"]!.GetValue<string>());
        string[] story = ["signals per minute: apex.error", "check verdicts: apex-errors", "page-time Failed at", "watch Watching -> Responding", "COMMAND revert", "ALERT Critical", "is Pending in the outbox"];
        await Eventually.WaitUntilAsync(() => story.All(line => service.Output.Contains(line, StringComparison.Ordinal)), TimeSpan.FromSeconds(30),
            "the demo to tell the story: " + string.Join(" | ", story));

        var recording = await Recording.ReadAsync(RepoPaths.Of("Functions", "demo", "recording.jsonl"), CancellationToken.None);
        var report = await Backtester.RunAsync(recording, new PolicyCatalog([]).Default, new OrgOptions { Id = OrgId }, null, CancellationToken.None);
        var breach = Assert.Single(report.Breaches);
        Assert.Equal(WatchPhase.Responding, report.Final.Phase);
        Assert.Equal(state["breach"]!["metric"]!.GetValue<string>(), Assert.Single(breach.Breached));
        Assert.Equal("revert", Assert.Single(breach.Commands).Type.ToString().ToLowerInvariant());
        // Both breach at the same point after the deployment; the live one a few demo seconds later (its work takes
        // real time, which the demo clock multiplies), so within a minute of demo time.
        var liveAfter = state["commands"]![0]!["issuedAt"]!.GetValue<DateTimeOffset>() - state["anchor"]!.GetValue<DateTimeOffset>();
        var backtestAfter = breach.At - report.DeployedAt;
        Assert.True((liveAfter - backtestAfter).Duration() < TimeSpan.FromMinutes(1), $"live breach +{liveAfter}, back-test breach +{backtestAfter}");

        var livePageTimes = watch["history"]!.AsArray().Select(e => e!["event"]!).Where(e => e["judgements"] is not null)
            .SelectMany(e => e["judgements"]!.AsArray()).Select(j => j!).Where(j => j["metric"]!.GetValue<string>() == "page-time" && j["verdict"]!.GetValue<string>() == "failed")
            .Select(j => (Observed: j["observed"]!.GetValue<double>(), Baseline: j["baseline"]!.GetValue<double>())).ToList();
        var backtestPageTimes = report.Judgements.SelectMany(j => j.Judgements).Where(m => m.Metric == "page-time" && m.Verdict == Verdict.Failed)
            .Select(m => (Observed: m.Observed!.Value, Baseline: m.Baseline!.Value)).ToList();
        Assert.NotEmpty(livePageTimes);
        Assert.NotEmpty(backtestPageTimes);
        Assert.All(livePageTimes.Concat(backtestPageTimes), p => Assert.True(p.Observed > p.Baseline * 1.5, $"p95 {p.Observed} ms against baseline {p.Baseline} ms"));
    }

    /// <summary>The demo watch's record once its outbox holds a command; a timeout carries the service's output.</summary>
    private static async Task<JsonObject> RevertCommandAsync(ServiceProcess service)
    {
        using var http = new HttpClient();
        try
        {
            return await Eventually.WaitForAsync(async () =>
            {
                var list = await http.GetFromJsonAsync<JsonObject>($"{service.BaseUrl}/api/watches?org={OrgId}");
                var id = list?["watches"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
                var record = id is null ? null : await http.GetFromJsonAsync<JsonObject>($"{service.BaseUrl}/api/watches/{id}");
                // State and outbox are separate reads: wait until both show the decision.
                return record?["state"]!["phase"]!.GetValue<string>() == "responding"
                    && record["outbox"]!.AsArray().Any(i => i!["kind"]!.GetValue<string>() == "command") ? record : null;
            }, TimeSpan.FromSeconds(180), "the demo's revert command in the outbox");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{service.Output}", ex);
        }
    }
}
