using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// The ticker's outbox sweep (the retry path: a broker that was down, a process that died before dispatching) hands the
/// reports of rollout items here, so they reach the rollout's history exactly as deliveries made right after the step do.
/// </summary>
internal sealed class RolloutDeliveries(RolloutRunner runner) : IOutboxOwner
{
    public bool Owns(string id) => RolloutKey.IsWellFormed(id);

    public Task RecordAsync(DeliveryReport report, CancellationToken cancellationToken) => runner.RecordAsync(report, cancellationToken);
}
