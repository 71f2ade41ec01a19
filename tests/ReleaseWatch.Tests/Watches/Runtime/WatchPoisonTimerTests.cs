using ReleaseWatch.Alerts;
using ReleaseWatch.Deployments;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchPoisonTimerTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_timer_whose_step_keeps_failing_is_given_up_with_a_recorded_error_and_an_alert_and_never_retried()
    {
        await using var services = new WatchServices(azurite);
        var watchId = WatchId.For(services.OrgId, "poison");
        // A watch stored before intake bounded completedAt: judging its window (baseline before year 1) throws on every claim.
        var notice = new DeploymentNotice("poison", new OrgRef(services.OrgId, "Poison Org", "production"), new ReleaseRef("1.0.0", "0.9.0", null),
            DateTimeOffset.MinValue, new PipelineRef("release", null), null);
        await services.Get<WatchRunner>().StartAsync(watchId, new DeploymentReceived(notice, "crash", "test"), CancellationToken.None);
        var ticker = services.Get<WatchTicker>();
        var store = services.Get<IWatchStore>();
        var maxAttempts = new WatchOptions().MaxTimerAttempts;

        for (var pass = 0; pass < maxAttempts + 3; pass++)
        {
            await ticker.TickAsync(CancellationToken.None);
            services.Time.Advance(new WatchOptions().TimerClaim + TimeSpan.FromSeconds(1));
        }

        var state = (await store.GetAsync(watchId, CancellationToken.None))!.State;
        var history = await store.GetHistoryAsync(watchId, CancellationToken.None);
        var abandoned = Assert.IsType<TimerAbandoned>(Assert.Single(history, h => h.Event is TimerAbandoned).Event);
        Assert.Equal(maxAttempts, abandoned.Attempts);
        Assert.Contains("ArgumentOutOfRange", abandoned.Error, StringComparison.Ordinal);
        Assert.Equal(WatchPhase.Inconclusive, state.Phase);
        Assert.Empty(state.Timers);
        Assert.Contains(await store.GetOutboxAsync(watchId, CancellationToken.None), o => o.Alert?.Kind == AlertKind.StepFailed);
        services.Time.Advance(TimeSpan.FromHours(1));
        await ticker.TickAsync(CancellationToken.None);
        Assert.Equal(history.Count, (await store.GetHistoryAsync(watchId, CancellationToken.None)).Count);
    }
}
