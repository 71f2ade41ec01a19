namespace ReleaseWatch.Signals;

/// <summary>Reads counted signals for the judge. Signal capture fills what this reads.</summary>
public interface ISignalReader
{
    /// <summary>Counts of <paramref name="signal"/> per minute in [from, to), with source health and gaps overlapping the span.</summary>
    Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
