using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class CountingPolicyTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Every_request_of_the_registered_table_clients_is_counted_by_table_and_operation()
    {
        await using var services = CreateServices();
        var policy = services.GetRequiredService<CountingPolicy>();
        var table = await services.GetRequiredService<ITableProvider>().GetAsync(TableNames.Signals, CancellationToken.None);
        var partition = AzuritePeer.UniqueName("p");
        var before = policy.Total;

        await table.AddEntityAsync(new TableEntity(partition, "a"));
        await table.GetEntityIfExistsAsync<TableEntity>(partition, "a");
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
        }

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(partition, "b"))]);
        var counts = policy.ByOperation;

        Assert.Equal(4, policy.Total - before);
        Assert.True(counts[("signals", "insert")] >= 1 && counts[("signals", "get")] >= 1 && counts[("signals", "query")] >= 1 && counts[("$batch", "transaction")] >= 1,
            string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
    }

    [Theory]
    [InlineData("GET", "/devstoreaccount1/signals(PartitionKey='a',RowKey='b')", "", "signals", "get")]
    [InlineData("GET", "/devstoreaccount1/signals()", "?$filter=PartitionKey%20eq%20'a'", "signals", "query")]
    [InlineData("GET", "/signals", "?$filter=x", "signals", "query")]
    [InlineData("POST", "/devstoreaccount1/$batch", "", "$batch", "transaction")]
    [InlineData("PUT", "/streams(PartitionKey='a',RowKey='b')", "", "streams", "upsert")]
    [InlineData("MERGE", "/streams(PartitionKey='a',RowKey='b')", "", "streams", "merge")]
    [InlineData("DELETE", "/watches(PartitionKey='a',RowKey='b')", "", "watches", "delete")]
    [InlineData("POST", "/devstoreaccount1/evidence", "", "evidence", "insert")]
    public void Describe_names_the_table_and_the_kind_of_request(string method, string path, string query, string table, string operation) =>
        Assert.Equal((table, operation), CountingPolicy.Describe(Azure.Core.RequestMethod.Parse(method), path, query));

    private ServiceProvider CreateServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
        }).Build();
        return new ServiceCollection().AddReleaseWatchStorage(configuration).BuildServiceProvider();
    }
}
