using ReleaseWatch.Deployments;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchTickerRaceTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Two_tickers_racing_over_200_due_timers_process_each_exactly_once()
    {
        await using var services = new WatchServices(azurite);
        var start = services.Time.GetUtcNow();
        var runner = services.Get<WatchRunner>();
        // 200 watches of one org, started directly (intake would supersede all but the newest).
        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var id = WatchId.For(services.OrgId, $"race-{i}");
            var notice = new DeploymentNotice($"race-{i}", new OrgRef(services.OrgId, "Race Org", "production"), new ReleaseRef("1.0.0", "0.9.0", null), start, new PipelineRef("release", null), null);
            await runner.StartAsync(id, new DeploymentReceived(notice, "crash", "test"), CancellationToken.None);
            return id;
        }));
        services.Time.Advance(TimeSpan.FromSeconds(61));

        var first = services.Get<WatchTicker>();
        var second = new WatchTicker(services.Get<ITimerStore>(), services.Get<IWatchStore>(), services.Get<WatchStateCache>(), runner, services.Get<WatchChecks>(), new NoOutboxDispatcher(), services.Time,
            Microsoft.Extensions.Options.Options.Create(new WatchOptions { TimersPerTick = 1000 }), [], [], [], Microsoft.Extensions.Logging.Abstractions.NullLogger<WatchTicker>.Instance);
        var processed = await Task.WhenAll(first.TickAsync(CancellationToken.None), second.TickAsync(CancellationToken.None));

        Assert.Equal(200, processed.Sum());
        var store = services.Get<IWatchStore>();
        foreach (var id in ids)
        {
            var history = await store.GetHistoryAsync(id, CancellationToken.None);
            Assert.Single(history, h => h.Event is SignalsJudged { Trigger: JudgementTrigger.Check });
        }
    }
}
