namespace ReleaseWatch.Signals;

/// <summary>
/// Whether an org has a watch that is not completed: pollers that spend the org's API allocation (the /limits
/// gauges) run only then. Capture without watches gets <see cref="NoOpenWatches"/>.
/// </summary>
public interface IOpenWatches
{
    Task<bool> AnyAsync(string orgId, CancellationToken cancellationToken);
}

/// <summary>Nothing watches: nothing is polled.</summary>
internal sealed class NoOpenWatches : IOpenWatches
{
    public Task<bool> AnyAsync(string orgId, CancellationToken cancellationToken) => Task.FromResult(false);
}
