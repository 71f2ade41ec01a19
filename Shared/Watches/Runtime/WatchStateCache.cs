using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// The last state this instance stored (or read) of each open watch, with the row's ETag, so a timer's check starts from
/// it instead of reading the row again. Safe when another instance or an operator changed the watch since: every step is
/// stored only if its ETag still matches, so a step decided on a stale state loses the race and is decided again on a fresh
/// read; and a timer this state does not expect is looked up in storage before it is dropped. Holds at most
/// <see cref="WatchOptions.StateCacheSize"/> watches (the others are read as before); completed watches leave it.
/// </summary>
internal sealed class WatchStateCache(IOptions<WatchOptions> options)
{
    private readonly ConcurrentDictionary<string, StoredWatch> _watches = new(StringComparer.Ordinal);

    public int Count => _watches.Count;

    public StoredWatch? Get(string watchId) => _watches.TryGetValue(watchId, out var stored) ? stored : null;

    public void Remember(StoredWatch stored)
    {
        var watchId = stored.State.WatchId;
        if (stored.State.Phase.IsCompleted())
        {
            _watches.TryRemove(watchId, out _);
        }
        else if (_watches.ContainsKey(watchId) || _watches.Count < options.Value.StateCacheSize)
        {
            _watches[watchId] = stored;
        }
    }

    public void Forget(string watchId) => _watches.TryRemove(watchId, out _);
}
