using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Intake;

/// <summary>
/// Signatures in the "requests" table, one row each (with the time it was received): an insert
/// that finds the row already there is a replay. Inserts are atomic, so two instances never both take one request.
/// </summary>
internal sealed class TableSignedRequestLedger(ITableProvider tables) : ISignedRequestLedger
{
    public async Task<bool> TryRecordAsync(string signature, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Requests, cancellationToken);
        // The timestamp is inside the signature, so the same signature can only recur within the skew window:
        // one row key per signature is enough; the partition is only for housekeeping.
        var entity = new TableEntity("signatures", signature.ToLowerInvariant()) { ["ReceivedAt"] = receivedAt };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
