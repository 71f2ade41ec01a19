using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Dependencies;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// Latency, saturation and dependency health judged in one live watch of the real executable: Lightning page times
/// stream from the Faye stand-in (Real-Time Event Monitoring shapes), the /limits poller reads the stand-in's REST
/// limits, and the dependency probes reach a real HTTP endpoint on loopback, all stored through the signal buckets.
/// </summary>
public sealed class IndicatorsLoopTests
{
    private const string PageChannel = "/event/LightningUriEventStream";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);

    /// <summary>Every metric warns (so the watch goes on after each breach); ERP latency fails above 100 ms and 80% over a baseline of at least 5 probes (loopback jitter alone is a few ms).</summary>
    private const string Policy = """
        {"window": "PT5M", "interval": "PT4S", "warmup": "PT0S", "inconclusiveLimit": 100, "baseline": {"window": "PT10M"},
         "metrics": [
           {"name": "page-time", "signal": "ui.page-time", "measure": "p95", "failWhen": {"aboveBaselineBy": "50%"}, "severity": "warning", "onBreach": {"alert": {}}},
           {"name": "api-requests-used", "signal": "saturation.limit.DailyApiRequests", "measure": "last", "failWhen": {"above": 0.9}, "severity": "warning", "onBreach": {"alert": {}}},
           {"name": "erp-latency", "signal": "dependency.erp.latency", "measure": "p50", "failWhen": {"above": 100, "aboveBaselineBy": "80%"}, "minBaselineCount": 5, "severity": "warning", "onBreach": {"alert": {}}},
           {"name": "erp-failing", "signal": "dependency.erp.failed", "measure": "count", "lookback": "PT1M", "failWhen": {"above": 0}, "severity": "warning", "onBreach": {"alert": {}}}]}
        """;

    [Fact]
    public async Task Slower_pages_a_saturated_api_allocation_and_a_slow_then_failing_dependency_each_fail_their_metric_in_a_live_watch()
    {
        await using var erp = await DependencyEndpoint.StartAsync();
        erp.Delay = TimeSpan.Zero;
        var org = await StreamedOrg.StartAsync("00DE2EN00000001MDA", "Initech Production", "indicators", PageChannel);
        await using var loop = await ReleaseLoop.StartAsync([org], new Dictionary<string, string> { ["indicators"] = Policy }, new Dictionary<string, string>
        {
            ["ReleaseWatch__Orgs__0__Dependencies__0__Name"] = "erp",
            ["ReleaseWatch__Orgs__0__Dependencies__0__Url"] = erp.Url.ToString(),
            ["ReleaseWatch__Orgs__0__Dependencies__0__TimeoutSeconds"] = "5",
            ["ReleaseWatch__Dependencies__Interval"] = "00:00:01",
            ["ReleaseWatch__Limits__Enabled"] = "true",
            ["ReleaseWatch__Limits__Interval"] = "00:00:01",
            ["ReleaseWatch__Limits__PollBetweenWatches"] = "true",
        });
        // Stamped as published (a backdated event from before the stream's first session would be left uncounted if the
        // subscriber reconnects before its first checkpoint): the deployment below waits for a later minute.
        await PublishPageTimesAsync(org, seed: 7, count: 60, factor: 1.0);
        // Probes between watches fill the baseline; deploy early in a later minute, so the minute judged after the
        // deployment holds (almost) only what follows it.
        await Eventually.WaitUntilAsync(() => erp.Requests >= 10, Deadline, "ten baseline probes of the ERP endpoint");
        var baselineMinute = TimeProvider.System.GetUtcNow().Minute;
        await Eventually.WaitUntilAsync(() => TimeProvider.System.GetUtcNow() is { Second: >= 1 and < 15 } now && now.Minute != baselineMinute, Deadline, "an early second of the next minute");

        var watchId = await loop.PostDeploymentAsync(org, "deploy-indicators");
        erp.Delay = TimeSpan.FromMilliseconds(250);
        await org.Streaming.SetLimitsAsync(new JsonObject { ["DailyApiRequests"] = new JsonObject { ["Max"] = 15000, ["Remaining"] = 600 } });
        await PublishPageTimesAsync(org, seed: 8, count: 40, factor: 1.8);
        var slow = await loop.ExplainingAsync(watchId, () => FailedAsync(loop, watchId, "page-time", "api-requests-used", "erp-latency"));
        erp.Status = 503;
        var failing = await loop.ExplainingAsync(watchId, () => FailedAsync(loop, watchId, "erp-failing"));

        Assert.True(slow["page-time"]["observed"]!.GetValue<double>() > 1.5 * slow["page-time"]["baseline"]!.GetValue<double>(), slow["page-time"].ToJsonString());
        Assert.Equal(1 - (600 / 15000d), slow["api-requests-used"]["observed"]!.GetValue<double>(), 1e-9);
        Assert.InRange(slow["erp-latency"]["observed"]!.GetValue<double>(), 250, 2000);
        Assert.True(slow["erp-latency"]["baseline"]!.GetValue<double>() < 100, slow["erp-latency"].ToJsonString());
        Assert.True(failing["erp-failing"]["observed"]!.GetValue<double>() >= 1, failing["erp-failing"].ToJsonString());
        Assert.Equal("watching", await loop.PhaseAsync(watchId));
    }

    /// <summary>The first failed judgement of each metric in the watch's history, once every one has one.</summary>
    private static Task<Dictionary<string, JsonNode>> FailedAsync(ReleaseLoop loop, string watchId, params string[] metrics) =>
        Eventually.WaitForAsync(async () =>
        {
            var record = await loop.WatchAsync(watchId);
            var failed = record["history"]!.AsArray().Select(e => e!["event"]!).Where(e => e["judgements"] is not null)
                .SelectMany(e => e["judgements"]!.AsArray()).Select(j => j!)
                .Where(j => j["verdict"]!.GetValue<string>() == "failed")
                .GroupBy(j => j["metric"]!.GetValue<string>())
                .ToDictionary(g => g.Key, g => g.First());
            return metrics.All(failed.ContainsKey) ? failed : null;
        }, Deadline, "failed verdicts of " + string.Join(", ", metrics));

    /// <summary>Lognormal page times around 1.1 s times <paramref name="factor"/>, seeded, created now.</summary>
    private static Task<long> PublishPageTimesAsync(StreamedOrg org, int seed, int count, double factor)
    {
        var times = Signals.Values.ValueSketchTests.Sample("lognormal page times", seed, count);
        return org.Streaming.PublishEachAsync(PageChannel, times.Select(ms => new JsonObject { ["EffectivePageTime"] = Math.Round(ms * factor) }));
    }
}
