using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>
/// Thresholds are decided before the deployment: a watch keeps the policy it started with, even when the
/// service restarts with that policy edited or removed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatchPolicySnapshotTests(AzuritePeer azurite)
{
    private const string Lenient = """
        {"window":"PT30M","interval":"PT1M","warmup":"PT1M","baseline":{"window":"PT60M"},"responseTimeout":"PT15M",
         "metrics":[{"name":"apex-errors","signal":"apex.error","measure":"perMinute","failWhen":{"above":100},"for":"PT0M",
                     "severity":"critical","onBreach":{"revert":{}}}]}
        """;

    private string _orgId = "";

    [Fact]
    public async Task A_policy_loosened_after_the_watch_started_does_not_let_its_breach_pass()
    {
        var watchId = await StartWatchAsync();
        await using var restarted = new WatchServices(azurite, policy: Lenient, orgId: _orgId);

        var state = await ChecksWithErrorsAsync(restarted, watchId);

        Assert.Equal(WatchPhase.Responding, state.Phase);
        Assert.Equal("> 5/min", state.Breach!.Threshold);
    }

    [Fact]
    public async Task A_policy_removed_after_the_watch_started_still_judges_the_watch_by_it()
    {
        var watchId = await StartWatchAsync();
        await using var restarted = new WatchServices(azurite, policy: null, orgId: _orgId);

        var state = await ChecksWithErrorsAsync(restarted, watchId);

        Assert.Equal(("crash", WatchPhase.Responding), (state.PolicyName, state.Phase));
    }

    /// <summary>A watch started by a service whose policy "crash" fails above 5 errors a minute.</summary>
    private async Task<string> StartWatchAsync()
    {
        await using var first = new WatchServices(azurite);
        _orgId = first.OrgId;
        var result = await first.Get<DeploymentIntake>().AcceptAsync(
            new DeploymentNotice("snapshot-1", new OrgRef(first.OrgId, "", ""), new ReleaseRef("2.0.0", "1.9.9", null), first.Time.GetUtcNow(), new PipelineRef("release", null), null),
            "test", CancellationToken.None);
        return result.Watch!.WatchId;
    }

    /// <summary>A quiet first check on the restarted service, then 12 errors a minute (above 5, below 100) until the next.</summary>
    private static async Task<WatchState> ChecksWithErrorsAsync(WatchServices restarted, string watchId)
    {
        restarted.Time.Advance(TimeSpan.FromSeconds(61));
        await WatchCrashTests.ReportConnectedAsync(restarted);
        await restarted.Get<WatchTicker>().TickAsync(CancellationToken.None);
        await WatchCrashTests.ErrorsEveryMinuteAsync(restarted, restarted.Time.GetUtcNow(), minutes: 1, perMinute: 12);
        restarted.Time.Advance(TimeSpan.FromSeconds(60));
        await WatchCrashTests.ReportConnectedAsync(restarted);
        await restarted.Get<WatchTicker>().TickAsync(CancellationToken.None);
        return (await restarted.Get<IWatchStore>().GetAsync(watchId, CancellationToken.None))!.State;
    }
}
