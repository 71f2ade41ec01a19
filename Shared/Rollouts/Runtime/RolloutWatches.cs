using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// A rollout's children: starts a deployed wave's watches through the watch runner (in concurrent batches, idempotent:
/// a watch that exists is left alone) and reads back how each stands, for a reconcile after a lost notification.
/// </summary>
internal sealed class RolloutWatches(WatchRunner runner, IWatchStore store, IOptions<RolloutOptions> options, ILogger<RolloutWatches> logger)
{
    public async Task<int> StartAsync(RolloutState state, int wave, CancellationToken cancellationToken)
    {
        var plan = state.Waves[wave];
        var deployment = RolloutKey.DeploymentOf(state.Key, wave);
        var clock = Stopwatch.StartNew();
        var created = 0;
        await Parallel.ForEachAsync(
            plan.Orgs.Where(o => o.WatchId is not null && o.Standing != OrgStanding.Skipped),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.StartConcurrency, CancellationToken = cancellationToken },
            async (org, ct) =>
            {
                var notice = new DeploymentNotice(deployment, org.Org, state.Release, plan.DeployedAt!.Value, state.Pipeline, org.PolicyName);
                var (_, isNew) = await runner.StartAsync(org.WatchId!, new DeploymentReceived(notice, org.PolicyName, $"rollout {state.RolloutId}"), ct);
                if (isNew)
                {
                    Interlocked.Increment(ref created);
                }
            });
        RolloutLogs.WaveStarted(logger, state.Key, wave + 1, created, plan.Orgs.Count, clock.ElapsedMilliseconds);
        return created;
    }

    /// <summary>The current wave's watches whose phase the rollout has not recorded yet (notifications lost in a crash).</summary>
    public async Task<IReadOnlyList<WaveWatchSettled>> UnrecordedAsync(RolloutState state, CancellationToken cancellationToken)
    {
        var pending = state.Wave.Orgs.Where(o => o.WatchId is not null && o.Standing == OrgStanding.Pending).ToList();
        var found = new System.Collections.Concurrent.ConcurrentBag<WaveWatchSettled>();
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = options.Value.StartConcurrency, CancellationToken = cancellationToken }, async (org, ct) =>
        {
            if (await store.GetAsync(org.WatchId!, ct) is { } watch && !watch.State.Phase.IsJudging())
            {
                found.Add(new WaveWatchSettled(watch.State.WatchId, watch.State.Org.Id, watch.State.Phase, watch.State.Outcome));
            }
        });
        return [.. found];
    }
}
