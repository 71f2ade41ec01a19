using Azure.Data.Tables;

namespace ReleaseWatch.Storage;

/// <summary>Hands out table clients for <see cref="TableNames"/>, creating each table once per process.</summary>
public interface ITableProvider
{
    Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken);
}
