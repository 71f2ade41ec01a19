namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// One mapping (ReleaseWatch:Sources:Mappings:{i}): notifications of <see cref="Source"/> whose fields equal every
/// <see cref="Match"/> entry (case-insensitive) start a watch of <see cref="Org"/>. Mappings are tried in order; the first wins.
/// </summary>
public sealed class SourceMappingOptions
{
    /// <summary>github, azure-devops, devops-center or gearset. Required.</summary>
    public string Source { get; set; } = "";

    /// <summary>Field → value, e.g. environment = production. At least one; the keys a source offers are in README.</summary>
    public Dictionary<string, string> Match { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The org (an id of ReleaseWatch:Orgs) the deployment went to. Required.</summary>
    public string Org { get; set; } = "";

    /// <summary>A policy (a key of ReleaseWatch:Policies) for these deployments instead of the org's. Optional.</summary>
    public string? Policy { get; set; }
}
