namespace ReleaseWatch.Signals;

/// <summary>Reads kept failure evidence, newest first, for alerts and the audit API.</summary>
public interface ISignalEvidenceReader
{
    Task<IReadOnlyList<SignalEvidence>> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Every kept evidence row of the span counted per error (up to the reader's scan limit, see
    /// <see cref="ErrorTallies.Complete"/>): real occurrence totals, most frequent first, with a few samples each.
    /// </summary>
    Task<ErrorTallies> TallyAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int maxErrors, CancellationToken cancellationToken);
}

/// <summary>The evidence reader when nothing captures signals: alerts go out without top error messages.</summary>
internal sealed class NoSignalEvidence : ISignalEvidenceReader
{
    public Task<IReadOnlyList<SignalEvidence>> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SignalEvidence>>([]);

    public Task<ErrorTallies> TallyAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, int maxErrors, CancellationToken cancellationToken) =>
        Task.FromResult(ErrorTallies.None);
}
