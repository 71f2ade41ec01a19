namespace ReleaseWatch.Orgs;

/// <summary>The "ReleaseWatch" section's org list (ReleaseWatch:Orgs:{i}).</summary>
public sealed class OrgCatalogOptions
{
    public List<OrgOptions> Orgs { get; set; } = [];
}
