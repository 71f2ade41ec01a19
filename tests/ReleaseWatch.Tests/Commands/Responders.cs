using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Commands;
using ReleaseWatch.Outbox;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Commands;

/// <summary>Builds the responders as the app registers them, against the test's broker, with per-test queues.</summary>
public static class Responders
{
    public static ServiceProvider Create(
        RabbitMqPeer rabbit,
        string queuePrefix,
        AzuritePeer? azurite = null,
        ICommandResultHandler? handler = null,
        TimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ReleaseWatch:ServiceBus:ConnectionString"] = rabbit.SasConnectionString,
            ["ReleaseWatch:ServiceBus:AddressPrefix"] = "/queue/",
            ["ReleaseWatch:ServiceBus:CommandsQueue"] = queuePrefix + "-commands",
            ["ReleaseWatch:ServiceBus:ResultsQueue"] = queuePrefix + "-results",
            ["ReleaseWatch:ServiceBus:SendTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(handler ?? new RecordingResultHandler());
        if (azurite is not null)
        {
            services.AddSingleton<ITableProvider>(new TableProvider(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString)));
        }

        services.AddReleaseWatchResponders(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static string UniqueQueue() => "q" + Guid.NewGuid().ToString("N")[..10];
}
