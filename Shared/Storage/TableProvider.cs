using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace ReleaseWatch.Storage;

internal sealed class TableProvider(TableServiceClient service) : ITableProvider
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    // Azure.Data.Tables makes each entity it reads with Activator.CreateInstance<TableEntity>() (Azure/azure-sdk-for-net#47687):
    // keep the constructor the native compiler would otherwise trim away.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
    public Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed create (storage down at start) must not stick: try again next time.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(tableName, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        // CreateTable, not Create…IfNotExists: the SDK builds the latter's request body with reflection-based JSON, which
        // the native executable lacks (Azure/azure-sdk-for-net#56640); the former writes it with generated code.
        try
        {
            await service.CreateTableAsync(name).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode != TableErrorCode.TableBeingDeleted.ToString())
        {
            // There already: what CreateIfNotExists answers too.
        }

        return service.GetTableClient(name);
    }
}
