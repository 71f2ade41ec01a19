using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// The operator actions a rollout's page offers, as the rollout's decider allows them (POST /api/rollouts/{id}/actions
/// answers 409 to any other): pause while not paused, resume while paused, abort until it ends, and skip for each org of
/// the wave being promoted or baked that is not skipped yet.
/// </summary>
public static class RolloutActions
{
    public static IReadOnlyList<string> For(RolloutState state)
    {
        if (state.Phase.IsCompleted())
        {
            return [];
        }

        return state.Paused ? ["resume", "abort"] : ["pause", "abort"];
    }

    /// <summary>The orgs of the current wave an operator may skip (their ids).</summary>
    public static IReadOnlyList<string> Skippable(RolloutState state) =>
        state.Phase is RolloutPhase.Promoting or RolloutPhase.Baking
            ? [.. state.Wave.Orgs.Where(o => o.Standing != OrgStanding.Skipped).Select(o => o.Org.Id)]
            : [];

    public static string Title(string action) => action switch
    {
        "pause" => "Pause the rollout",
        "resume" => "Resume the rollout",
        "skip" => "Skip this org",
        _ => "Abort the rollout",
    };

    public static string What(string action) => action switch
    {
        "pause" => "The current wave is still judged, but no further wave is promoted until someone resumes.",
        "resume" => "The rollout goes on; a wave that passed while paused promotes the next at once.",
        "skip" => "The org counts for nothing in its wave's success criterion; its watch goes on.",
        _ => "The rollout stops for good: no further wave is promoted.",
    };
}
