using System.Collections.Concurrent;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>Remembers which orgs signal capture nudged.</summary>
public sealed class RecordingNudge : IWatchNudge
{
    public ConcurrentBag<string> Orgs { get; } = [];

    public Task NotifySignalsAsync(string orgId, CancellationToken cancellationToken)
    {
        Orgs.Add(orgId);
        return Task.CompletedTask;
    }
}
