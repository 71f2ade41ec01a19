using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers Table Storage from ReleaseWatch:Storage (connection string, or endpoint + managed identity).</summary>
    public static IServiceCollection AddReleaseWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("ReleaseWatch:Storage"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                "ReleaseWatch:Storage:ConnectionString or ReleaseWatch:Storage:TableServiceUri must be set.")
            .ValidateOnStart();
        services.AddSingleton<CountingPolicy>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var client = new TableClientOptions();
            // Every request counted (the storage-requests metric; the benchmarks' requests per unit of work).
            client.AddPolicy(sp.GetRequiredService<CountingPolicy>(), HttpPipelinePosition.PerRetry);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential(), client)
                : new TableServiceClient(options.ConnectionString, client);
        });
        services.AddSingleton<ITableProvider, TableProvider>();
        return services;
    }
}
