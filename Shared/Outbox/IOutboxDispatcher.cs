namespace ReleaseWatch.Outbox;

/// <summary>Delivers outbox items: a watch's right after its step is stored, and every leftover on each tick.</summary>
public interface IOutboxDispatcher
{
    Task DispatchAsync(string watchId, CancellationToken cancellationToken);

    Task SweepAsync(CancellationToken cancellationToken);
}
