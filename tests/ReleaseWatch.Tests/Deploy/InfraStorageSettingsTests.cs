using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>The storage settings infra.bicep gives the app select the managed-identity endpoint, not Azurite.</summary>
public sealed class InfraStorageSettingsTests
{
    [Fact]
    public void Empty_connection_string_and_a_table_endpoint_give_a_client_for_that_endpoint()
    {
        // As infra.bicep sets them: the empty connection string overrides the Azurite default.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReleaseWatch:Storage:ConnectionString"] = "",
                ["ReleaseWatch:Storage:TableServiceUri"] = "https://relwatchabc.table.core.windows.net/",
            })
            .Build();
        using var services = new ServiceCollection().AddReleaseWatchStorage(configuration).BuildServiceProvider();

        var client = services.GetRequiredService<TableServiceClient>();

        Assert.Equal("relwatchabc", client.AccountName);
        Assert.Equal(new Uri("https://relwatchabc.table.core.windows.net/"), client.Uri);
    }
}
