using System.Collections.Concurrent;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Salesforce.Limits;

/// <summary>The orgs a test says are under watch.</summary>
public sealed class WatchedOrgs : IOpenWatches
{
    public ConcurrentDictionary<string, bool> Orgs { get; } = new();

    public Task<bool> AnyAsync(string orgId, CancellationToken cancellationToken) => Task.FromResult(Orgs.ContainsKey(orgId));
}
