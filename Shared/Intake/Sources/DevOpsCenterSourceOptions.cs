namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Salesforce DevOps Center (ReleaseWatch:Sources:DevOpsCenter): the orgs where DevOps Center is installed, whose
/// /event/sf_devops__Deployment__e stream is subscribed over CometD with the org's own Salesforce settings.
/// </summary>
public sealed class DevOpsCenterSourceOptions
{
    /// <summary>Ids of ReleaseWatch:Orgs entries (with Salesforce settings) that run DevOps Center. Empty = off.</summary>
    public List<string> Orgs { get; set; } = [];
}
