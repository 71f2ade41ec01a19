using Azure;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Storage;

/// <summary>
/// Due timers of all watches. Timers are written before the step that expects them (a stray timer is
/// harmless: the watch ignores a timer it does not expect), claimed with an ETag so two tickers never
/// both act on one, and released by a claim that expires if its ticker dies.
/// </summary>
public interface ITimerStore
{
    Task ScheduleAsync(string watchId, IEnumerable<WatchTimer> timers, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> timers due at <paramref name="now"/> for <paramref name="claimFor"/>.</summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Writes a tick's timer rows (<see cref="TimerWrites"/>), in as few transactions as they fit.</summary>
    Task ApplyAsync(TimerWrites writes, CancellationToken cancellationToken);

    /// <summary>Deletes a processed timer (a no-op if another ticker already did).</summary>
    Task CompleteAsync(DueTimer timer, CancellationToken cancellationToken);
}

/// <summary>A timer row claimed by this ticker (its ETag proves the claim). <paramref name="Attempts"/> counts the claims of it, this one included.</summary>
public sealed record DueTimer(string WatchId, WatchTimer Timer, string RowKey, ETag ETag, int Attempts = 1);
