namespace ReleaseWatch.Intake.Sources;

/// <summary>The senders ReleaseWatch takes native notifications from, and the fields a mapping of each may match on.</summary>
internal static class SourceNames
{
    public const string GitHub = "github";
    public const string AzureDevOps = "azure-devops";
    public const string DevOpsCenter = "devops-center";
    public const string Gearset = "gearset";

    /// <summary>Per source, the Match keys a mapping may use (ReleaseWatch:Sources:Mappings:{i}:Match:{key}).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MatchFields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        [GitHub] = ["environment", "repository"],
        [AzureDevOps] = ["project", "definition", "environment", "stage"],
        [DevOpsCenter] = ["stage", "pipelineOrg"],
        [Gearset] = ["job"],
    };
}
