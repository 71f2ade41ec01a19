namespace ReleaseWatch.Intake;

/// <summary>Remembers signed requests already taken, across instances, so a replay of one is refused.</summary>
public interface ISignedRequestLedger
{
    /// <summary>Records <paramref name="signature"/>; false when it was recorded before (a replay), and then nothing changes.</summary>
    Task<bool> TryRecordAsync(string signature, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
