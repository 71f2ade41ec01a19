using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Another workflow that keeps write-ahead timers in the watches' timer store (e.g. rollouts, keys "r…"). The ticker hands
/// it the timers of ids it owns instead of waking a watch; it must ignore a timer its state does not expect.
/// </summary>
public interface ITimerOwner
{
    bool Owns(string id);

    Task FireAsync(string id, WatchTimer timer, CancellationToken cancellationToken);
}
