using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchStartRaceTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_first_check_a_ticker_drops_while_its_watch_is_created_still_fires()
    {
        WatchServices? services = null;
        services = new WatchServices(azurite, s => s.AddSingleton<IWatchStore>(sp => new TickingBeforeCreateStore(
            ActivatorUtilities.CreateInstance<TableWatchStore>(sp),
            async () =>
            {
                // The first check is due; its watch is not stored yet, so this pass drops the timer as stale.
                services!.Time.Advance(TimeSpan.FromMinutes(1));
                await services.Get<WatchTicker>().TickAsync(CancellationToken.None);
            })));
        await using var _ = services;
        var watch = (await services.Get<DeploymentIntake>().AcceptAsync(
            new DeploymentNotice("race-1", new OrgRef(services.OrgId, "", ""), new ReleaseRef("2.0.0", "1.9.9", null), services.Time.GetUtcNow(), new PipelineRef("release", null), null),
            "test", CancellationToken.None)).Watch!;
        await WatchCrashTests.ReportConnectedAsync(services);

        await services.Get<WatchTicker>().TickAsync(CancellationToken.None);

        Assert.Equal(WatchPhase.Watching, (await services.Get<IWatchStore>().GetAsync(watch.WatchId, CancellationToken.None))!.State.Phase);
    }
}
