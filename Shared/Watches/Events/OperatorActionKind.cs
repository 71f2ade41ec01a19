namespace ReleaseWatch.Watches.Events;

/// <summary>What an operator may do to a watch (POST /api/watches/{id}/actions).</summary>
public enum OperatorActionKind
{
    /// <summary>Stop the watch; nothing more is judged or sent.</summary>
    Abort,
    /// <summary>Watch longer: the window ends later by the given minutes.</summary>
    Extend,
    /// <summary>Send the revert that waits for approval (or revert an inconclusive release).</summary>
    ApproveRevert,
}
