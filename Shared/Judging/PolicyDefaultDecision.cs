namespace ReleaseWatch.Judging;

/// <summary>What a watch does when an Inconclusive or approval-pending decision reaches the policy's deadline.</summary>
public enum PolicyDefaultDecision
{
    /// <summary>Keep the deployment (the release stands; an alert says it was not verified).</summary>
    Accept,

    /// <summary>Revert the deployment.</summary>
    Revert,
}
