namespace ReleaseWatch.Watches.Events;

/// <summary>What caused a judgement.</summary>
public enum JudgementTrigger
{
    /// <summary>A scheduled check (every policy interval).</summary>
    Check,
    /// <summary>A new failure signal arrived; judged at once so detection need not wait for the tick.</summary>
    Nudge,
    /// <summary>The last judgement, at the end of the window.</summary>
    WindowEnd,
}
