using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>An org has open watches when the store lists any that are not completed.</summary>
internal sealed class OpenWatches(IWatchStore store) : IOpenWatches
{
    public async Task<bool> AnyAsync(string orgId, CancellationToken cancellationToken) =>
        (await store.ListOpenAsync(orgId, cancellationToken)).Count > 0;
}
