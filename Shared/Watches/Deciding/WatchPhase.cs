using System.Text.Json.Serialization;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// The closed set of phases a watch goes through. Pending → Watching → Verified | Breached → Responding →
/// Reverted | Remediated | ResponseFailed; also Inconclusive, Superseded, Cancelled.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WatchPhase>))]
public enum WatchPhase
{
    /// <summary>Deployment received; warm-up running (Apex deployments cause a short burst of errors).</summary>
    Pending,
    /// <summary>Signals are judged at every interval until the window ends.</summary>
    Watching,
    /// <summary>The window passed clean. Final.</summary>
    Verified,
    /// <summary>A critical metric failed long enough; no command could or should be sent (alert-only, revert impossible, or awaiting approval).</summary>
    Breached,
    /// <summary>A revert or remediation command is on the queue; waiting for its result.</summary>
    Responding,
    /// <summary>The deploy agent reverted the release. Final.</summary>
    Reverted,
    /// <summary>The deploy agent ran the remediation. Final.</summary>
    Remediated,
    /// <summary>The deploy agent reported failure or rejection. Final; on-call must act.</summary>
    ResponseFailed,
    /// <summary>Too little data, or gaps: not verified. Waits for an operator until the decision deadline, then the policy's default applies.</summary>
    Inconclusive,
    /// <summary>A newer deployment to the same org took over. Final.</summary>
    Superseded,
    /// <summary>An operator aborted the watch. Final.</summary>
    Cancelled,
}

/// <summary>Questions about phases, answered in one place.</summary>
internal static class WatchPhases
{
    /// <summary>True when nothing more will happen to the watch.</summary>
    public static bool IsCompleted(this WatchPhase phase) => phase is
        WatchPhase.Verified or WatchPhase.Reverted or WatchPhase.Remediated or WatchPhase.ResponseFailed or
        WatchPhase.Superseded or WatchPhase.Cancelled;

    /// <summary>True while signals are being judged.</summary>
    public static bool IsJudging(this WatchPhase phase) => phase is WatchPhase.Pending or WatchPhase.Watching;

    /// <summary>True while a newer deployment may supersede it: judging, or waiting for a decision.</summary>
    public static bool IsSupersedable(this WatchPhase phase) => phase.IsJudging() || phase is WatchPhase.Inconclusive or WatchPhase.Breached;
}
