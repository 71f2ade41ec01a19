using System.Text.Json.Serialization;
using ReleaseWatch.Deployments;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// A rollout's current state: what the decider needs for the next step. It follows from the history and is stored
/// beside it (the state row) so a step need not replay everything.
/// </summary>
/// <param name="Key">The storage key (<see cref="RolloutKey"/>); <paramref name="RolloutId"/> is the caller's id.</param>
/// <param name="Version">How many events the history holds.</param>
/// <param name="Current">The index of the wave being promoted or baked (or the last one, once completed).</param>
/// <param name="Timers">Wake-ups the rollout expects (write-ahead; any other timer row is stale). Check = re-examine the wave, WindowEnd = its bake time ended.</param>
/// <param name="Paused">An operator paused it: a passing wave holds instead of promoting the next.</param>
public sealed record RolloutState(
    string Key,
    string RolloutId,
    ReleaseRef Release,
    PipelineRef Pipeline,
    RolloutPhase Phase,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Current,
    IReadOnlyList<WaveState> Waves,
    IReadOnlyList<WatchTimer> Timers,
    IReadOnlyList<IssuedCommand> Commands,
    bool Paused,
    string Outcome)
{
    public WaveState Wave => Waves[Current];
}

/// <summary>One wave: its orgs, how long it bakes, what makes it pass, and where it is.</summary>
/// <param name="Quorum">The share of (not skipped) orgs that must verify, 0 &lt; q ≤ 1; 1 is "all verified". A breach fails the wave whatever the share.</param>
/// <param name="OnBreach">Revert the breached org only (its own watch's policy acts) or the whole wave.</param>
/// <param name="DeployedAt">When the promote result said the wave was deployed.</param>
/// <param name="FleetTracks">The fleet metrics' runs of failures so far (their "for"), as a watch tracks its metrics.</param>
public sealed record WaveState(
    string Name,
    IReadOnlyList<WaveOrg> Orgs,
    TimeSpan Bake,
    double Quorum,
    BreachScope OnBreach,
    FleetRule? Fleet,
    WavePhase Phase,
    DateTimeOffset? DeployedAt,
    DateTimeOffset? BakeEndsAt,
    string? Reason,
    IReadOnlyList<Judging.Assessment.MetricTrack>? FleetTracks = null);

/// <summary>One org of a wave, the policy its watch uses, and how it stands.</summary>
public sealed record WaveOrg(OrgRef Org, string PolicyName, string? WatchId, OrgStanding Standing, string? Detail);

/// <summary>What a wave's breach reverts.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<BreachScope>))]
public enum BreachScope
{
    /// <summary>Only the breached org (its watch's policy decides the revert); the rest of the wave stays.</summary>
    Org,
    /// <summary>Every deployed org of the wave: one revert command naming them all.</summary>
    Wave,
}

/// <summary>
/// The wave judged as a whole as well as org by org. <paramref name="Policy"/> names a policy whose metrics are judged on
/// the wave's signals summed over its orgs (one error in each of fifty orgs is a pattern no single org shows); a
/// metric failing for its "for" halts the rollout. <paramref name="MaxFailingShare"/>: the wave fails once more than this share of its
/// orgs is failing (breached or ended unverified). <paramref name="Interval"/>: how often the sum is judged.
/// </summary>
public sealed record FleetRule(string? Policy, double? MaxFailingShare, TimeSpan Interval);
