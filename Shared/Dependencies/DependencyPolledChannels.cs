using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Dependencies;

/// <summary>Each declared dependency's pseudo-channel, while probing is enabled.</summary>
internal sealed class DependencyPolledChannels(IOptions<OrgCatalogOptions> orgs, IOptions<DependencyProbeOptions> options) : IPolledChannels
{
    public IReadOnlyList<string> For(string orgId) =>
        !options.Value.Enabled || !SalesforceOrgId.IsValid(orgId)
            ? []
            : [.. orgs.Value.Orgs.Where(o => SalesforceOrgId.IsValid(o.Id) && SalesforceOrgId.Key(o.Id) == SalesforceOrgId.Key(orgId))
                .SelectMany(o => o.Dependencies).Select(d => DependencySignals.Channel(d.Name))];
}
