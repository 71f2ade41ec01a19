using System.Text.Json.Serialization;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// The closed set of phases a rollout goes through: Promoting (a wave's promote command is out) → Baking (its watches
/// run) → Promoting the next … → Completed; or Halted (a breach or a failed gate), Aborted (an operator). Paused is
/// a flag beside the phase, not a phase: a paused rollout finishes judging its wave but promotes nothing.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RolloutPhase>))]
public enum RolloutPhase
{
    /// <summary>A promote command for the current wave is on the queue; waiting for the deploy agent's result.</summary>
    Promoting,
    /// <summary>The current wave is deployed; its watches run and the bake time counts down.</summary>
    Baking,
    /// <summary>A wave passed and the next waits for an operator's resume (the rollout was paused).</summary>
    Held,
    /// <summary>Every wave passed. Final.</summary>
    Completed,
    /// <summary>A breach, a failed gate or a failed promote stopped the rollout. Final; waves after it are never promoted.</summary>
    Halted,
    /// <summary>An operator aborted the rollout. Final.</summary>
    Aborted,
}

/// <summary>Where one wave is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WavePhase>))]
public enum WavePhase
{
    /// <summary>Not promoted yet.</summary>
    Waiting,
    /// <summary>Its promote command is out.</summary>
    Promoting,
    /// <summary>Deployed; its watches run.</summary>
    Baking,
    /// <summary>Met its success criterion after its bake time.</summary>
    Passed,
    /// <summary>Breached, failed its criterion, or its promote failed.</summary>
    Failed,
    /// <summary>Never promoted: the rollout stopped before it.</summary>
    Cancelled,
}

/// <summary>How one org of a wave stands, as the rollout sees it.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OrgStanding>))]
public enum OrgStanding
{
    /// <summary>Not deployed yet, or its watch is still judging.</summary>
    Pending,
    /// <summary>Its watch verified the release.</summary>
    Verified,
    /// <summary>Its watch breached (and may be responding, reverted or remediated).</summary>
    Breached,
    /// <summary>Its watch ended without verifying (inconclusive, cancelled, superseded).</summary>
    NotVerified,
    /// <summary>An operator skipped it: it counts for nothing in the wave's criterion.</summary>
    Skipped,
}

internal static class RolloutPhases
{
    public static bool IsCompleted(this RolloutPhase phase) => phase is RolloutPhase.Completed or RolloutPhase.Halted or RolloutPhase.Aborted;
}
