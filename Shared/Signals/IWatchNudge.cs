namespace ReleaseWatch.Signals;

/// <summary>
/// Judges an org's active watches at once. Signal capture calls it after counting a failure signal,
/// so detection does not wait for the next tick. Capture without watches gets <see cref="NoWatchNudge"/>.
/// </summary>
public interface IWatchNudge
{
    Task NotifySignalsAsync(string orgId, CancellationToken cancellationToken);
}

/// <summary>The nudge when nothing watches: counting goes on, nobody is told.</summary>
internal sealed class NoWatchNudge : IWatchNudge
{
    public Task NotifySignalsAsync(string orgId, CancellationToken cancellationToken) => Task.CompletedTask;
}
