namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Native notifications from the tools teams deploy with (ReleaseWatch:Sources): each sender's credentials, and one
/// list of mappings from what a sender reports to an org. A sender without credentials is off (its endpoint answers 503).
/// </summary>
public sealed class SourcesOptions
{
    public const string SectionName = "ReleaseWatch:Sources";

    public GitHubSourceOptions GitHub { get; set; } = new();

    public AzureDevOpsSourceOptions AzureDevOps { get; set; } = new();

    public GearsetSourceOptions Gearset { get; set; } = new();

    public DevOpsCenterSourceOptions DevOpsCenter { get; set; } = new();

    /// <summary>Source → match fields → org (+ policy), tried in order.</summary>
    public List<SourceMappingOptions> Mappings { get; set; } = [];
}
