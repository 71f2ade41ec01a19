using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Signals;

[Collection(AzuriteCollection.Name)]
public sealed class SignalFlusherTests(AzuritePeer azurite)
{
    private const string Channel = "/event/LogEntryEvent__e";

    [Fact]
    public async Task Batches_gathered_in_a_flush_interval_are_stored_in_one_transaction_with_their_checkpoint()
    {
        await using var services = CreateServices(TimeSpan.FromSeconds(5));
        var org = AzuritePeer.UniqueName("00D");
        var flusher = services.GetRequiredService<SignalFlusher>();
        var store = services.GetRequiredService<TableSignalStore>();
        await store.CountAsync(org, [Error(1)], CancellationToken.None); // the table exists, the minute row too
        var requests = services.GetRequiredService<CountingPolicy>();
        var before = requests.Total;

        for (var batch = 0; batch < 10; batch++)
        {
            var replayIds = Enumerable.Range(2 + (batch * 100), 100).ToList();
            await flusher.StoreAsync(new CapturedBatch(org, [.. replayIds.Select(Error)], [], new Dictionary<string, long> { [Channel] = replayIds[^1] }), CancellationToken.None);
        }

        var gathered = requests.Total - before;
        await flusher.FlushAsync();
        var stored = requests.Total - before;
        var window = await store.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(1), CancellationToken.None);
        var checkpoints = await services.GetRequiredService<StreamStateStore>().ReadCheckpointsAsync(org, CancellationToken.None);

        Assert.Equal((0L, 1L), (gathered, stored));
        Assert.Equal(1001, window.Total);
        Assert.Equal(1001, checkpoints[Channel].ReplayId);
    }

    [Fact]
    public async Task Without_a_flush_interval_a_batch_is_stored_before_StoreAsync_returns()
    {
        await using var services = CreateServices(TimeSpan.Zero);
        var org = AzuritePeer.UniqueName("00D");

        await services.GetRequiredService<SignalFlusher>().StoreAsync(
            new CapturedBatch(org, [Error(7), Error(8)], [], new Dictionary<string, long> { [Channel] = 8 }), CancellationToken.None);
        var window = await services.GetRequiredService<TableSignalStore>().ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(1), CancellationToken.None);
        var checkpoints = await services.GetRequiredService<StreamStateStore>().ReadCheckpointsAsync(org, CancellationToken.None);

        Assert.Equal((2L, 8L), (window.Total, checkpoints[Channel].ReplayId));
    }

    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static SignalOccurrence Error(int replayId) => new("apex.error", Channel, replayId, Minute.AddSeconds(replayId % 60));

    private ServiceProvider CreateServices(TimeSpan flushInterval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:SignalCapture:Store:FlushInterval"] = flushInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        return services.BuildServiceProvider();
    }
}
