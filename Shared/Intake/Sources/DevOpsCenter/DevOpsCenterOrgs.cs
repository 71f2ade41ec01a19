using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>The configured DevOps Center orgs (ReleaseWatch:Sources:DevOpsCenter:Orgs), resolved to their org settings.</summary>
internal sealed class DevOpsCenterOrgs(IOptions<SourcesOptions> options, IOrgCatalog orgs)
{
    public IReadOnlyList<OrgOptions> All => [.. options.Value.DevOpsCenter.Orgs.Select(orgs.Find).OfType<OrgOptions>().Where(o => o.Salesforce is not null)];
}
