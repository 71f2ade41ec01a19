using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// The timer rows one tick changes, written together after its steps (a few transactions for the whole tick, not requests per
/// timer): the timers each stored step expects next, the fired timers it completes, and the timers to restore for a watch
/// whose fired timer was stale. A crash before they are written leaves the fired timers claimed; when their claims expire
/// they fire again, are found stale, and restore what their watch expects, so no watch is left without its next timer.
/// </summary>
public sealed class TimerWrites
{
    private readonly Lock _gate = new();
    private readonly List<(string WatchId, WatchTimer Timer)> _scheduled = [];
    private readonly List<DueTimer> _completed = [];
    private readonly List<(string WatchId, WatchTimer Timer)> _restored = [];

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count == 0 && _completed.Count == 0 && _restored.Count == 0;
            }
        }
    }

    /// <summary>Timers a step expects; call only once the step is stored.</summary>
    public void Schedule(string watchId, IEnumerable<WatchTimer> timers)
    {
        lock (_gate)
        {
            _scheduled.AddRange(timers.Select(t => (watchId, t)));
        }
    }

    public void Complete(DueTimer timer)
    {
        lock (_gate)
        {
            _completed.Add(timer);
        }
    }

    /// <summary>Timers a watch expects that may be missing: created if absent, an existing row (and its claim) kept.</summary>
    public void Restore(string watchId, IEnumerable<WatchTimer> timers)
    {
        lock (_gate)
        {
            _restored.AddRange(timers.Select(t => (watchId, t)));
        }
    }

    /// <summary>Everything recorded so far, by watch (a watch's rows stay together), and empties this.</summary>
    public IReadOnlyList<WatchTimerWrites> Drain()
    {
        lock (_gate)
        {
            var scheduled = _scheduled.ToLookup(s => s.WatchId, s => s.Timer, StringComparer.Ordinal);
            var completed = _completed.ToLookup(c => c.WatchId, StringComparer.Ordinal);
            var restored = _restored.ToLookup(r => r.WatchId, r => r.Timer, StringComparer.Ordinal);
            var drained = scheduled.Select(g => g.Key).Concat(completed.Select(g => g.Key)).Concat(restored.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
                .Select(id => new WatchTimerWrites(id, [.. scheduled[id].Distinct()], [.. completed[id]], [.. restored[id].Distinct()]))
                .ToList();
            _scheduled.Clear();
            _completed.Clear();
            _restored.Clear();
            return drained;
        }
    }
}

/// <summary>One watch's timer rows of a tick.</summary>
public sealed record WatchTimerWrites(string WatchId, IReadOnlyList<WatchTimer> Scheduled, IReadOnlyList<DueTimer> Completed, IReadOnlyList<WatchTimer> Restored);
