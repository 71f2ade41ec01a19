namespace ReleaseWatch.Signals;

/// <summary>Reads kept failure evidence, newest first, for alerts and the audit API.</summary>
public interface ISignalEvidenceReader
{
    Task<IReadOnlyList<SignalEvidence>> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken);
}
