using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// Tells a rollout when one of its watches (deployment id "rollout:{key}:wave:{n}") changes phase. The runner is resolved
/// on use: the watch runner holds this listener, and the rollout runner starts watches through the watch runner.
/// </summary>
internal sealed class RolloutWatchListener(Lazy<RolloutRunner> runner) : IWatchOutcomeListener
{
    public async Task OnPhaseChangedAsync(WatchState before, WatchState after, CancellationToken cancellationToken)
    {
        if (RolloutKey.TryParseDeployment(after.Deployment.DeploymentId, out var key, out _))
        {
            await runner.Value.ApplyAsync(key, new WaveWatchSettled(after.WatchId, after.Org.Id, after.Phase, after.Outcome), cancellationToken);
        }
    }
}
