namespace ReleaseWatch.Judging;

/// <summary>What a breach of a metric asks for.</summary>
public enum BreachActionKind
{
    /// <summary>Only alert on-call.</summary>
    Alert,

    /// <summary>Send a revert command for the deployment.</summary>
    Revert,

    /// <summary>Send a remediate command naming an action (e.g. rerun-batch) with its parameters.</summary>
    Remediate,
}
