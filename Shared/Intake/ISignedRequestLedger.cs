namespace ReleaseWatch.Intake;

/// <summary>Remembers signed requests already taken, across instances, so a replay of one is refused.</summary>
public interface ISignedRequestLedger
{
    /// <summary>Records <paramref name="signature"/>; false when it was recorded before (a replay), and then nothing changes.</summary>
    Task<bool> TryRecordAsync(string signature, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Forgets signatures received before <paramref name="before"/>, at most <paramref name="max"/> of them; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);
}
