using ReleaseWatch.Deployments;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Functions;

/// <summary>A watch as intake and lists show it: enough to follow it, with the link to its full record.</summary>
internal sealed record WatchSummary(
    string Id,
    WatchPhase Phase,
    OrgRef Org,
    string DeploymentId,
    ReleaseRef Release,
    string Policy,
    DateTimeOffset CompletedAt,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset UpdatedAt,
    string Outcome,
    string Href)
{
    public static WatchSummary Of(WatchState state) => new(
        state.WatchId, state.Phase, state.Org, state.Deployment.DeploymentId, state.Deployment.Release, state.PolicyName,
        state.Deployment.CompletedAt, state.WindowEndsAt, state.UpdatedAt, state.Outcome, $"/api/watches/{state.WatchId}");
}
