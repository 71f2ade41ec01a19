using Azure;
using Azure.Data.Tables;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>Real Table Storage, except that the leases table answers 503 while <see cref="Failing"/> is set (a storage outage under the lease).</summary>
internal sealed class FailingLeaseTables(string connectionString) : ITableProvider
{
    private readonly TableProvider _tables = new(new TableServiceClient(connectionString));

    public volatile bool Failing;

    public Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken) =>
        Failing && tableName == TableNames.Leases
            ? Task.FromException<TableClient>(new RequestFailedException(503, "The leases table is unavailable (test outage)."))
            : _tables.GetAsync(tableName, cancellationToken);
}
