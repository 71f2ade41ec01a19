using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Functions.Rollouts;

/// <summary>A rollout at a glance: its phase, where it is, and each wave's tally.</summary>
internal sealed record RolloutSummary(string RolloutId, string Release, RolloutPhase Phase, bool Paused, int Wave, string Outcome, IReadOnlyList<WaveSummary> Waves)
{
    public static RolloutSummary Of(RolloutState state) => new(
        state.RolloutId, state.Release.Version, state.Phase, state.Paused, state.Current + 1, state.Outcome,
        [.. state.Waves.Select(w => new WaveSummary(
            w.Name, w.Phase, w.Orgs.Count, w.Orgs.Count(o => o.Standing == OrgStanding.Verified), w.Orgs.Count(o => o.Standing == OrgStanding.Breached),
            w.Orgs.Count(o => o.Standing == OrgStanding.Pending), w.BakeEndsAt, w.Reason))]);
}

/// <summary>One wave's tally.</summary>
internal sealed record WaveSummary(string Name, WavePhase Phase, int Orgs, int Verified, int Breached, int Pending, DateTimeOffset? BakeEndsAt, string? Reason);
