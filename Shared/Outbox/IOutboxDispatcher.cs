namespace ReleaseWatch.Outbox;

/// <summary>
/// Delivers outbox items: a watch's right after its step is stored, and every leftover on each tick. It reports
/// what belongs in a watch's history as data (<see cref="DeliveryReport"/>); the watch runner records it.
/// </summary>
public interface IOutboxDispatcher
{
    Task<IReadOnlyList<DeliveryReport>> DispatchAsync(string watchId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryReport>> SweepAsync(CancellationToken cancellationToken);
}

/// <summary>A delivery fact for the watch's history: a command the broker accepted, or an item given up after its attempts.</summary>
public sealed record DeliveryReport(string WatchId, string ItemId, string What);

/// <summary>The dispatcher when no responders are registered: decided items wait Pending in the outbox.</summary>
internal sealed class NoOutboxDispatcher : IOutboxDispatcher
{
    public Task<IReadOnlyList<DeliveryReport>> DispatchAsync(string watchId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeliveryReport>>([]);

    public Task<IReadOnlyList<DeliveryReport>> SweepAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeliveryReport>>([]);
}
