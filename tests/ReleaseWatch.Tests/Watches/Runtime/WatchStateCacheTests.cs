using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class WatchStateCacheTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_check_after_this_instance_stored_the_watch_reads_no_state_row()
    {
        await using var services = new WatchServices(azurite);
        var id = await services.StartWatchAsync("cache-1");
        var checks = services.Get<WatchChecks>();
        var requests = services.Get<CountingPolicy>();
        services.Time.Advance(TimeSpan.FromMinutes(2));
        var first = await StateReadsOfAsync(() => checks.JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None));
        services.Time.Advance(TimeSpan.FromMinutes(1));

        var second = await StateReadsOfAsync(() => checks.JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None));

        Assert.Equal((1L, 0L), (first, second));
        var history = await services.Get<IWatchStore>().GetHistoryAsync(id, CancellationToken.None);
        Assert.Equal(2, history.Count(h => h.Event is SignalsJudged));

        async Task<long> StateReadsOfAsync(Func<Task<WatchDecision?>> check)
        {
            var before = requests.ByOperation.GetValueOrDefault((TableNames.Watches, "get"));
            Assert.NotNull(await check());
            return requests.ByOperation.GetValueOrDefault((TableNames.Watches, "get")) - before;
        }
    }

    [Fact]
    public async Task A_watch_another_instance_aborted_since_is_not_judged_on_the_state_this_instance_remembers()
    {
        await using var here = new WatchServices(azurite);
        await using var there = new WatchServices(azurite, orgId: here.OrgId);
        var id = await here.StartWatchAsync("cache-2");
        here.Time.Advance(TimeSpan.FromMinutes(2));
        there.Time.Advance(TimeSpan.FromMinutes(2));
        await here.Get<WatchChecks>().JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None);
        await there.Get<WatchRunner>().ApplyAsync(id, new OperatorActed(OperatorActionKind.Abort, "ana@example.com", null, "rolled back by hand"), CancellationToken.None);

        var judged = await here.Get<WatchChecks>().JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None);

        Assert.Null(judged);
        var history = await here.Get<IWatchStore>().GetHistoryAsync(id, CancellationToken.None);
        Assert.IsType<OperatorActed>(history[^1].Event);
        Assert.Single(history, h => h.Event is SignalsJudged);
    }

    [Fact]
    public async Task A_timer_another_instance_scheduled_since_is_fired_though_the_state_this_instance_remembers_does_not_expect_it()
    {
        // Other tests' timers share the table and the fake date: a tick takes them all, so this watch's timer is never left for later.
        static void AllDue(IServiceCollection s) => s.Configure<WatchOptions>(o => o.TimersPerTick = 10_000);
        await using var here = new WatchServices(azurite, AllDue);
        await using var there = new WatchServices(azurite, AllDue, orgId: here.OrgId);
        var id = await here.StartWatchAsync("cache-3");
        here.Time.Advance(TimeSpan.FromMinutes(2));
        there.Time.Advance(TimeSpan.FromMinutes(2));
        await here.Get<WatchChecks>().JudgeAsync(id, JudgementTrigger.Check, CancellationToken.None);
        // The other instance's ticker fires the next check: the timer after it is one this instance's state does not hold.
        there.Time.Advance(TimeSpan.FromMinutes(1));
        await there.Get<WatchTicker>().TickAsync(CancellationToken.None);
        var expected = (await there.Get<IWatchStore>().GetAsync(id, CancellationToken.None))!.State.Timers;
        Assert.DoesNotContain(expected.Single(t => t.Kind == WatchTimerKind.Check), here.Get<WatchStateCache>().Get(id)!.State.Timers);

        here.Time.Advance(TimeSpan.FromMinutes(2));
        await here.Get<WatchTicker>().TickAsync(CancellationToken.None);

        var history = await here.Get<IWatchStore>().GetHistoryAsync(id, CancellationToken.None);
        Assert.Equal(3, history.Count(h => h.Event is SignalsJudged));
    }
}
