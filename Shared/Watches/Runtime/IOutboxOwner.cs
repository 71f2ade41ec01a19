using ReleaseWatch.Outbox;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Another workflow whose steps put items in the watches' outbox (e.g. rollouts, keys "r…"). The ticker's outbox sweep
/// hands it the delivery reports of ids it owns, to record in its own history, instead of a watch's.
/// </summary>
public interface IOutboxOwner
{
    bool Owns(string id);

    Task RecordAsync(DeliveryReport report, CancellationToken cancellationToken);
}
