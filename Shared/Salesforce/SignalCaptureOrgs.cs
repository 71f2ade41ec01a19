using ReleaseWatch.Orgs;

namespace ReleaseWatch.Salesforce;

/// <summary>The configured orgs as signal capture sees them (bound from the ReleaseWatch section's Orgs list).</summary>
internal sealed class SignalCaptureOrgs
{
    public List<OrgOptions> Orgs { get; set; } = [];

    /// <summary>Orgs with Salesforce settings and at least one channel: the ones with a live stream.</summary>
    public IEnumerable<OrgOptions> Streamed => Orgs.Where(o => o.Salesforce is not null && o.Channels.Count > 0);
}
