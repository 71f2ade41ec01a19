namespace ReleaseWatch.Signals;

/// <summary>Reads counted signals for the judge. Signal capture fills what this reads.</summary>
public interface ISignalReader
{
    /// <summary>Counts of <paramref name="signal"/> per minute in [from, to), with source health and gaps overlapping the span.</summary>
    Task<SignalWindow> ReadAsync(string orgId, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Every signal of the org over [from, to) at once, for a check that reads many windows inside that span: a store
    /// that can reads it in one query (and the streams' health and gaps in one more). By default each window is read on its own.
    /// </summary>
    Task<ISignalRange> ReadRangeAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<ISignalRange>(new WindowByWindow(this, orgId));

    private sealed class WindowByWindow(ISignalReader reader, string orgId) : ISignalRange
    {
        public Task<SignalWindow> ReadAsync(string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            reader.ReadAsync(orgId, signal, from, to, cancellationToken);
    }
}

/// <summary>An org's signals read over a span: windows of any signal inside it, cut from what was read.</summary>
public interface ISignalRange
{
    /// <summary>The window of <paramref name="signal"/> in [from, to), as <see cref="ISignalReader.ReadAsync"/> would read it.</summary>
    Task<SignalWindow> ReadAsync(string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
