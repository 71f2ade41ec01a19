using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>The /limits pseudo-channel of an org with Salesforce settings, while the poller is enabled.</summary>
internal sealed class LimitsPolledChannels(IOptions<SignalCaptureOrgs> orgs, IOptions<LimitsPollingOptions> options) : IPolledChannels
{
    public IReadOnlyList<string> For(string orgId) =>
        options.Value.Enabled && SalesforceOrgId.IsValid(orgId)
            && orgs.Value.Orgs.Any(o => o.Salesforce is not null && SalesforceOrgId.IsValid(o.Id) && SalesforceOrgId.Key(o.Id) == SalesforceOrgId.Key(orgId))
            ? [LimitsSignals.Channel]
            : [];
}
