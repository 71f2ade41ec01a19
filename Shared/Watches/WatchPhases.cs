namespace ReleaseWatch.Watches;

/// <summary>Questions about phases, answered in one place.</summary>
public static class WatchPhases
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
