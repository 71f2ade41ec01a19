using System.Globalization;
using System.Text.Json.Nodes;
using ReleaseWatch.Backtest;
using ReleaseWatch.Judging;
using ReleaseWatch.Tests.Signals.Values;

namespace ReleaseWatch.Tests.Backtest;

/// <summary>A p95 page-time rule back-tested on generated Real-Time Event Monitoring recordings.</summary>
public sealed class LatencyBacktestTests
{
    private const string OrgId = "00DLOCAL0000001AAA";
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Policy P95Policy = PolicyCatalog.FromConfiguration(Judging.PolicyCatalogTests.JsonConfiguration("latency", """
        { 'window': 'PT30M', 'baseline': { 'window': 'PT30M' },
          'metrics': [ { 'name': 'page-time', 'signal': 'ui.page-time', 'measure': 'p95', 'failWhen': { 'aboveBaselineBy': '50%' },
                         'for': 'PT3M', 'lookback': 'PT5M', 'onBreach': { 'revert': {} } } ] }
        """)).Get("latency");

    [Theory]
    [InlineData(1.8, true)]
    [InlineData(1.1, false)]
    public async Task Page_times_that_rise_by_80_percent_breach_the_p95_rule_and_a_10_percent_drift_verifies(double factor, bool breaches)
    {
        var path = await WriteRecordingAsync(factor, seed: 5);

        var report = await Backtester.RunAsync(await Recording.ReadAsync(path, CancellationToken.None), P95Policy, null, null, CancellationToken.None);
        File.Delete(path);

        Assert.Equal(breaches, report.Breaches.Any());
        var judged = report.Judgements.SelectMany(j => j.Judgements).Where(m => m.Metric == "page-time" && m.Verdict != Verdict.Inconclusive).ToList();
        Assert.NotEmpty(judged);
        Assert.All(judged, m => Assert.True(m.ObservedCount >= 20, $"{m.ObservedCount} values"));
        Assert.Equal(breaches ? ReleaseWatch.Watches.Deciding.WatchPhase.Responding : ReleaseWatch.Watches.Deciding.WatchPhase.Verified, report.Final.Phase);
        if (!breaches)
        {
            Assert.DoesNotContain(judged, m => m.Verdict == Verdict.Failed);
        }
    }

    /// <summary>30 minutes of baseline page times, 30 after the deployment scaled by <paramref name="factor"/>: 20 events a minute, seeded.</summary>
    private static async Task<string> WriteRecordingAsync(double factor, int seed)
    {
        var times = ValueSketchTests.Sample("lognormal page times", seed, 60 * 20);
        var lines = times.Select((ms, i) =>
        {
            var at = Start.AddSeconds(i * 3);
            var value = i >= 30 * 20 ? ms * factor : ms;
            var created = at.ToString("O", CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["receivedAt"] = at.AddMilliseconds(400).ToString("O", CultureInfo.InvariantCulture),
                ["org"] = OrgId,
                ["message"] = new JsonObject
                {
                    ["channel"] = "/event/LightningUriEventStream",
                    ["data"] = new JsonObject
                    {
                        ["schema"] = "lightning-uri",
                        ["payload"] = new JsonObject
                        {
                            ["CreatedDate"] = created, ["EventDate"] = created, ["EffectivePageTime"] = Math.Round(value),
                            ["HasEffectivePageTimeDeviation"] = false, ["Operation"] = "Read", ["QueriedEntities"] = "Opportunity",
                        },
                        ["event"] = new JsonObject { ["replayId"] = i + 1 },
                    },
                },
            }.ToJsonString();
        });
        var path = Path.Combine(Path.GetTempPath(), $"latency-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}
