namespace ReleaseWatch.Orgs;

/// <summary>One known Salesforce org (ReleaseWatch:Orgs:{i}).</summary>
public sealed class OrgOptions
{
    /// <summary>The 18-character org id (00D...). Required.</summary>
    public string Id { get; set; } = "";

    /// <summary>A human name shown in alerts. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>e.g. production, uat, sandbox. Required.</summary>
    public string Environment { get; set; } = "";

    /// <summary>The policy (a key of ReleaseWatch:Policies) judging this org's deployments unless one names another.</summary>
    public string? Policy { get; set; }

    /// <summary>How to connect to the org's streams; absent = no live capture for this org.</summary>
    public SalesforceOrgOptions? Salesforce { get; set; }

    /// <summary>Labels that group orgs for rollouts (e.g. tier: canary, region: emea); a wave may name a group as {"tier": "canary"}.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Streaming channels to subscribe, e.g. /event/LogEntryEvent__e, /data/OpportunityChangeEvent.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>External services the org's callouts reach, probed once per interval (ReleaseWatch:Dependencies).</summary>
    public List<DependencyOptions> Dependencies { get; set; } = [];
}
