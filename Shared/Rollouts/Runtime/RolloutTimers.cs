using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// Rollout timers in the watches' timer store, fired by the watch ticker: first the watch outcomes a lost notification
/// missed and the wave's fleet judgement (the I/O half), then the timer itself for the decider.
/// </summary>
internal sealed class RolloutTimers(IRolloutStore store, RolloutRunner runner, RolloutWatches watches, RolloutFleetJudge fleet) : ITimerOwner
{
    public bool Owns(string id) => RolloutKey.IsWellFormed(id);

    public async Task FireAsync(string id, WatchTimer timer, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(id, cancellationToken);
        if (stored is null || !stored.State.Timers.Contains(timer))
        {
            return; // stale: the rollout moved on, or the step that wrote it never landed
        }

        foreach (var settled in await watches.UnrecordedAsync(stored.State, cancellationToken))
        {
            await runner.ApplyAsync(id, settled, cancellationToken);
        }

        if (timer.Kind == WatchTimerKind.Check && await fleet.JudgeAsync(stored.State, cancellationToken) is { } judged)
        {
            await runner.ApplyAsync(id, judged, cancellationToken);
        }

        await runner.ApplyAsync(id, new RolloutTimerFired(timer.Kind, timer.DueAt), cancellationToken);
    }
}
