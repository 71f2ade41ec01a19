namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Housekeeping the ticker runs on every pass, after the timers and the outbox (e.g. pruning the requests table). A sweep
/// must be bounded (a page of work at a time) and idempotent; one that throws is logged and never stops the others.
/// </summary>
public interface ITickSweep
{
    Task SweepAsync(CancellationToken cancellationToken);
}
