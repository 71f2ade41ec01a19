using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchTickerTimerWritesTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_tick_killed_after_its_checks_were_stored_but_before_their_next_timers_were_written_leaves_no_watch_stalled()
    {
        var plan = new CrashPlan();
        await using var services = new WatchServices(azurite, s =>
        {
            s.RemoveAll<ITimerStore>();
            s.AddSingleton<ITimerStore>(sp => new CrashingTimerStore(ActivatorUtilities.CreateInstance<TableTimerStore>(sp), plan));
            s.Configure<WatchOptions>(o => o.TimersPerTick = 10_000); // other tests' timers share the table and the fake date
        });
        var id = await services.StartWatchAsync("stall-" + Guid.NewGuid().ToString("N")[..8]);
        services.Time.Advance(TimeSpan.FromSeconds(61));
        plan.CrashAt = 3; // before claim, after claim, before timer writes
        plan.Armed = true;
        var ticker = services.Get<WatchTicker>();
        var killed = await Record.ExceptionAsync(() => ticker.TickAsync(CancellationToken.None));
        Assert.Equal("before timer writes", plan.Passed[^1]);
        Assert.IsType<OperationCanceledException>(killed);
        Assert.Equal(1, await ChecksAsync(services, id));

        // The claim expires; the fired timer fires again, is stale, and restores the check the stored state expects; the next tick runs it.
        services.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await ticker.TickAsync(CancellationToken.None);
        await ticker.TickAsync(CancellationToken.None);

        Assert.Equal(2, await ChecksAsync(services, id));
    }

    [Fact]
    public async Task A_tick_of_many_checks_claims_completes_and_schedules_its_timers_in_a_few_transactions()
    {
        await using var services = new WatchServices(azurite, s => s.Configure<WatchOptions>(o => o.TimersPerTick = 10_000));
        var ticker = services.Get<WatchTicker>();
        services.Time.Advance(TimeSpan.FromHours(1)); // past every other test's timer: the tick below takes only this test's
        await ticker.TickAsync(CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await services.StartWatchAsync($"batch-{i}-" + Guid.NewGuid().ToString("N")[..8]));
        }

        services.Time.Advance(TimeSpan.FromSeconds(61));
        var requests = services.Get<CountingPolicy>();
        var before = requests.ByOperation;

        Assert.Equal(30, await ticker.TickAsync(CancellationToken.None));

        var timerRequests = requests.ByOperation.Where(p => p.Key.Table == TableNames.Timers).Sum(p => p.Value - before.GetValueOrDefault(p.Key));
        foreach (var id in ids)
        {
            Assert.Equal(1, await ChecksAsync(services, id));
            var state = (await services.Get<IWatchStore>().GetAsync(id, CancellationToken.None))!.State;
            Assert.Contains(state.Timers, t => t.Kind == WatchTimerKind.Check && t.DueAt > services.Time.GetUtcNow());
        }

        // One query on the timers table; the claims, completions and next timers are transactions ($batch), not per-timer requests.
        Assert.Equal(1, timerRequests);
        services.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(30, await ticker.TickAsync(CancellationToken.None));
    }

    private static async Task<int> ChecksAsync(WatchServices services, string id) =>
        (await services.Get<IWatchStore>().GetHistoryAsync(id, CancellationToken.None)).Count(h => h.Event is SignalsJudged);
}
