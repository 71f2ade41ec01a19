namespace ReleaseWatch.Watches;

/// <summary>Why a watch wakes up.</summary>
public enum WatchTimerKind
{
    /// <summary>Judge the signals (the first one ends the warm-up).</summary>
    Check,
    /// <summary>The window ends: a last judgement, then Verified or Inconclusive.</summary>
    WindowEnd,
    /// <summary>An inconclusive or approval-pending watch waited long enough: the policy's default applies.</summary>
    DecisionDeadline,
    /// <summary>No command result arrived in time: escalate.</summary>
    ResponseTimeout,
}
