using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>The real timer store, with a kill point before and after each write.</summary>
internal sealed class CrashingTimerStore(ITimerStore inner, CrashPlan plan) : ITimerStore
{
    public async Task ScheduleAsync(string watchId, IEnumerable<WatchTimer> timers, CancellationToken cancellationToken)
    {
        plan.Point("before schedule");
        await inner.ScheduleAsync(watchId, timers, cancellationToken);
        plan.Point("after schedule");
    }

    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        plan.Point("before claim");
        var claimed = await inner.ClaimDueAsync(now, max, claimFor, cancellationToken);
        plan.Point("after claim");
        return claimed;
    }

    public async Task ApplyAsync(TimerWrites writes, CancellationToken cancellationToken)
    {
        plan.Point("before timer writes");
        await inner.ApplyAsync(writes, cancellationToken);
        plan.Point("after timer writes");
    }

    public async Task CompleteAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        plan.Point("before complete");
        await inner.CompleteAsync(timer, cancellationToken);
        plan.Point("after complete");
    }
}
