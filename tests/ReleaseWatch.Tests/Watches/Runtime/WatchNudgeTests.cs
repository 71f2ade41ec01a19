using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchNudgeTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_nudge_judges_a_watching_watch_at_once_from_the_stored_signals()
    {
        await using var services = new WatchServices(azurite);
        var start = services.Time.GetUtcNow();
        var watch = (await services.Get<DeploymentIntake>().AcceptAsync(
            new DeploymentNotice("nudge-1", new OrgRef(services.OrgId, "", ""), new ReleaseRef("2.0.0", "1.9.9", null), start, new PipelineRef("release", null), null),
            "test", CancellationToken.None)).Watch!;
        services.Time.Advance(TimeSpan.FromSeconds(61));
        await WatchCrashTests.ReportConnectedAsync(services);
        await services.Get<WatchTicker>().TickAsync(CancellationToken.None); // first check: quiet, watching begins
        var store = services.Get<IWatchStore>();
        Assert.Equal(WatchPhase.Watching, (await store.GetAsync(watch.WatchId, CancellationToken.None))!.State.Phase);

        services.Time.Advance(TimeSpan.FromSeconds(10));
        await WatchCrashTests.ErrorsEveryMinuteAsync(services, services.Time.GetUtcNow(), minutes: 1, perMinute: 12);
        await services.Get<IWatchNudge>().NotifySignalsAsync(services.OrgId, CancellationToken.None);

        var state = (await store.GetAsync(watch.WatchId, CancellationToken.None))!.State;
        Assert.Equal(WatchPhase.Responding, state.Phase);
        var history = await store.GetHistoryAsync(watch.WatchId, CancellationToken.None);
        var judged = Assert.IsType<SignalsJudged>(history[^1].Event);
        Assert.Equal(JudgementTrigger.Nudge, judged.Trigger);
        // 12 errors 5 s apart from 10:01:11: the 10 of them inside the current minute are counted at once.
        Assert.Equal(10, Assert.Single(judged.Judgements).ObservedCount);
    }
}
