namespace ReleaseWatch.Alerts;

/// <summary>Why an alert is raised.</summary>
public enum AlertKind
{
    /// <summary>A metric failed long enough to breach.</summary>
    Breach,
    /// <summary>A warning-severity metric failed; the watch goes on.</summary>
    Warning,
    /// <summary>A revert or remediation command was put on the queue.</summary>
    CommandIssued,
    /// <summary>The deploy agent reported the command's outcome.</summary>
    CommandResult,
    /// <summary>No result arrived within the policy's response timeout.</summary>
    ResponseOverdue,
    /// <summary>A breach needed a revert, but the deployment has no previous version to revert to.</summary>
    RevertImpossible,
    /// <summary>A revert waits for an operator's approval.</summary>
    ApprovalRequired,
    /// <summary>The window passed clean.</summary>
    Verified,
    /// <summary>Too little data, or gaps, to call the release verified.</summary>
    Inconclusive,
    /// <summary>The org's signal stream is down or gapped; the platform owner must look.</summary>
    SourceDown,
}
