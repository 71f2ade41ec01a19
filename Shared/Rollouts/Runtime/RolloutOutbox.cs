using Microsoft.Extensions.Options;
using ReleaseWatch.Alerts;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>Turns a rollout decision's effects into the watch outbox's items, in the rollout's partition; alerts link to the rollout.</summary>
internal sealed class RolloutOutbox(IOptions<WatchOptions> options)
{
    public IReadOnlyList<OutboxItem> Compose(RolloutDecision decision)
    {
        var state = decision.State;
        var at = state.UpdatedAt;
        return [.. decision.Effects.Select(effect => effect switch
        {
            SendCommand send => OutboxItem.ForCommand(state.Key, send.Command, at),
            RaiseAlert raise => OutboxItem.ForAlert(state.Key, Alert(state, raise), at),
            _ => throw new InvalidOperationException($"Rollout {state.Key}: effect {effect.GetType().Name} has no outbox item."),
        })];
    }

    private Alert Alert(RolloutState state, RaiseAlert raise)
    {
        var wave = state.Wave;
        var org = wave.Orgs.FirstOrDefault(o => o.Standing == OrgStanding.Breached) ?? wave.Orgs[0];
        return new Alert(
            raise.AlertId, raise.Kind, raise.Severity, state.Key, org.Org, RolloutKey.DeploymentOf(state.Key, state.Current), state.Release, state.Pipeline,
            raise.Title, raise.Summary, [], [], new Uri(options.Value.PublicBaseUrl, $"api/rollouts/{Uri.EscapeDataString(state.RolloutId)}"), raise.CommandId, state.UpdatedAt);
    }
}
