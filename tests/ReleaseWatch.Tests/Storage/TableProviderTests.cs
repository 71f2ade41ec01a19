using Azure.Data.Tables;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableProviderTests(AzuritePeer azurite)
{
    [Fact]
    public async Task GetAsync_creates_the_table_once_and_hands_out_a_working_client()
    {
        var provider = new TableProvider(new TableServiceClient(azurite.ConnectionString));
        var name = AzuritePeer.UniqueName("t");

        var first = await provider.GetAsync(name, CancellationToken.None);
        var second = await provider.GetAsync(name, CancellationToken.None);
        await first.AddEntityAsync(new TableEntity("p", "r") { ["Answer"] = 42 });

        Assert.Same(first, second);
        var stored = await second.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42, stored.Value.GetInt32("Answer"));
    }
}
