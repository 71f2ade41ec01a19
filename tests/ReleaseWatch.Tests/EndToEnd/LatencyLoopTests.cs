using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// A latency rule end to end: Lightning page-time events (Real-Time Event Monitoring shapes) stream from the Faye
/// stand-in through capture into value buckets, and the live watch judges p95 against the pre-deployment baseline.
/// </summary>
public sealed class LatencyLoopTests(LatencyFixture fixture) : IClassFixture<LatencyFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private ReleaseLoop Loop => fixture.Loop;

    [Fact]
    public async Task Page_times_80_percent_above_the_baseline_breach_the_p95_rule_and_revert()
    {
        var org = fixture.Slowing;
        await PublishPageTimesAsync(org, seed: 1, count: 60, factor: 1.0, minutesAgo: 3);
        var watchId = await Loop.PostDeploymentAsync(org, "deploy-slow");
        await Loop.WaitForPhaseAsync(watchId, "watching", Deadline);

        await PublishPageTimesAsync(org, seed: 2, count: 40, factor: 1.8);

        var (_, message) = await Loop.ExplainingAsync(watchId, () => Loop.Commands.WaitForAsync("deploy-slow", Deadline));
        var command = JsonNode.Parse(Encoding.UTF8.GetString((byte[])message.Body))!;
        Assert.Equal("revert", command["type"]!.GetValue<string>());
        Assert.Equal("page-time", command["reason"]!["metric"]!.GetValue<string>());
        var observed = command["reason"]!["observed"]!.GetValue<double>();
        var baseline = command["reason"]!["baseline"]!.GetValue<double>();
        Assert.True(observed > baseline * 1.5, command.ToJsonString());
    }

    [Fact]
    public async Task Page_times_like_the_baseline_verify_and_flagged_outliers_are_skipped_not_measured()
    {
        var org = fixture.Steady;
        await PublishPageTimesAsync(org, seed: 3, count: 60, factor: 1.0, minutesAgo: 3);
        var watchId = await Loop.PostDeploymentAsync(org, "deploy-steady");
        await Loop.WaitForPhaseAsync(watchId, "watching", Deadline);

        await PublishPageTimesAsync(org, seed: 4, count: 40, factor: 1.0);
        // Salesforce flags page times it measured wrongly (the tab was in the background): they must not count as slow.
        await org.Streaming.PublishEachAsync(LatencyFixture.PageChannel, Enumerable.Range(0, 5).Select(_ => new JsonObject
        {
            ["EffectivePageTime"] = 600_000,
            ["HasEffectivePageTimeDeviation"] = true,
            ["EffectivePageTimeDeviationReason"] = "PageInBackground",
        }));

        var record = await Loop.WaitForPhaseAsync(watchId, "verified", Deadline);
        Assert.Empty(Loop.Commands.For("deploy-steady"));
        var judgements = record["history"]!.AsArray().Select(e => e!["event"]!).Where(e => e["judgements"] is not null)
            .SelectMany(e => e["judgements"]!.AsArray()).Select(j => j!).ToList();
        var last = judgements.Last(j => j["metric"]!.GetValue<string>() == "page-time");
        Assert.Equal("passed", last["verdict"]!.GetValue<string>());
        Assert.Equal(40, last["observedCount"]!.GetValue<long>());
        Assert.Equal(5, last["observedSkipped"]!.GetValue<long>());
    }

    /// <summary>Lognormal page times around 1.1 s times <paramref name="factor"/>, seeded, created <paramref name="minutesAgo"/> minutes ago (the baseline) or now.</summary>
    private static Task<long> PublishPageTimesAsync(StreamedOrg org, int seed, int count, double factor, int minutesAgo = 0)
    {
        var createdAt = TimeProvider.System.GetUtcNow().AddMinutes(-minutesAgo).ToString("O", CultureInfo.InvariantCulture);
        var times = Signals.Values.ValueSketchTests.Sample("lognormal page times", seed, count);
        return org.Streaming.PublishEachAsync(LatencyFixture.PageChannel, times.Select(ms =>
        {
            var payload = new JsonObject { ["EffectivePageTime"] = Math.Round(ms * factor) };
            if (minutesAgo > 0)
            {
                payload["CreatedDate"] = createdAt;
                payload["EventDate"] = createdAt;
            }

            return payload;
        }));
    }
}
