namespace ReleaseWatch.Signals;

/// <summary>
/// The pseudo-channels a poller feeds for an org (the /limits poller's /services/data/limits, the dependency probes'
/// /dependencies/{name}): sources beside the org's streaming channels, so coverage does not call their metrics unseen.
/// </summary>
public interface IPolledChannels
{
    /// <summary>The pseudo-channels polled for <paramref name="orgId"/> as configured (none when the poller is off or has nothing to poll).</summary>
    IReadOnlyList<string> For(string orgId);
}
