using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Orgs;

internal sealed class OrgCatalog(IOptions<OrgCatalogOptions> options) : IOrgCatalog
{
    private readonly Dictionary<string, OrgOptions> _byKey =
        options.Value.Orgs.ToDictionary(o => SalesforceOrgId.Key(o.Id), StringComparer.Ordinal);

    public IReadOnlyList<OrgOptions> All => options.Value.Orgs;

    public OrgOptions? Find(string orgId) =>
        SalesforceOrgId.IsValid(orgId) && _byKey.TryGetValue(SalesforceOrgId.Key(orgId), out var org) ? org : null;
}
