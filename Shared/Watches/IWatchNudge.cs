namespace ReleaseWatch.Watches;

/// <summary>
/// Judges an org's active watches at once. Signal capture calls it after counting a failure signal,
/// so detection does not wait for the next tick.
/// </summary>
public interface IWatchNudge
{
    Task NotifySignalsAsync(string orgId, CancellationToken cancellationToken);
}
