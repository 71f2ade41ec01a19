using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Orgs;

internal sealed class OrgCatalog(IOptions<OrgCatalogOptions> options) : IOrgCatalog
{
    private readonly Dictionary<string, OrgOptions> _byKey =
        options.Value.Orgs.ToDictionary(o => SalesforceOrgId.Key(o.Id), StringComparer.Ordinal);

    public OrgOptions? Find(string orgId) =>
        SalesforceOrgId.IsValid(orgId) && _byKey.TryGetValue(SalesforceOrgId.Key(orgId), out var org) ? org : null;
}

/// <summary>The "ReleaseWatch" section's org list (ReleaseWatch:Orgs:{i}).</summary>
public sealed class OrgCatalogOptions
{
    public List<OrgOptions> Orgs { get; set; } = [];
}
