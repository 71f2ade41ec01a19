using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Commands;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Rollouts.Runtime;

/// <summary>A rollout's promote commands reach a real broker (RabbitMQ over AMQP 1.0), and each delivery is in the rollout's history however it was made.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RolloutDeliveryTests(RabbitMqPeer rabbit, AzuritePeer azurite)
{
    private readonly string _queue = Responders.UniqueQueue();

    private static string OneWave(string id) => $$"""
        {"rolloutId": "{{id}}", "release": {"version": "2.4.0", "previousVersion": "2.3.1"},
         "waves": [{"name": "canary", "group": {"tier": "canary"}, "bake": "PT5M"}]}
        """;

    [Fact]
    public async Task A_promote_the_outbox_sweep_delivers_after_a_crash_is_recorded_in_the_history_like_one_delivered_at_once()
    {
        CrashAfterSaveRolloutStore? crashing = null;
        await using var services = new RolloutServices(azurite, canaries: 1, production: 0, s =>
        {
            s.RemoveAll<IRolloutStore>();
            s.AddSingleton<IRolloutStore>(sp => crashing = new CrashAfterSaveRolloutStore(ActivatorUtilities.CreateInstance<TableRolloutStore>(sp)));
        }, Broker());
        var atOnce = await services.StartAsync(OneWave("pkg-" + Guid.NewGuid().ToString("N")));
        crashing!.Armed = true;
        var crashedId = "pkg-" + Guid.NewGuid().ToString("N");
        var swept = RolloutKey.For(crashedId);
        await Assert.ThrowsAsync<OperationCanceledException>(() => services.StartAsync(OneWave(crashedId)));
        Assert.DoesNotContain(await HistoryAsync(services, swept), h => h.Event is RolloutDeliveryRecorded); // died before dispatching

        await services.Get<WatchTicker>().TickAsync(CancellationToken.None);

        foreach (var key in new[] { atOnce.Key, swept })
        {
            var promote = Assert.Single(await services.CommandsAsync(key), c => c.Type == CommandType.Promote);
            var recorded = Assert.Single(await HistoryAsync(services, key), h => h.Event is RolloutDeliveryRecorded);
            Assert.Equal(promote.CommandId, ((RolloutDeliveryRecorded)recorded.Event).ItemId);
            Assert.Equal($"command {promote.CommandId} accepted by the broker", recorded.Note);
        }

        await using var probe = await QueueProbe.ConnectAsync(rabbit);
        var sent = (await probe.DrainAsync(_queue + "-commands", TimeSpan.FromMilliseconds(500), 2)).Select(m => (string)m.Properties.MessageId).ToList();
        Assert.Contains((await services.CommandsAsync(swept))[0].CommandId, sent);
    }

    private Dictionary<string, string?> Broker() => new()
    {
        ["ReleaseWatch:ServiceBus:ConnectionString"] = rabbit.SasConnectionString,
        ["ReleaseWatch:ServiceBus:AddressPrefix"] = "/queue/",
        ["ReleaseWatch:ServiceBus:CommandsQueue"] = _queue + "-commands",
        ["ReleaseWatch:ServiceBus:ResultsQueue"] = _queue + "-results",
        ["ReleaseWatch:ServiceBus:SendTimeout"] = "00:00:05",
    };

    private static Task<IReadOnlyList<RolloutHistoryEntry>> HistoryAsync(RolloutServices services, string key) =>
        services.Get<IRolloutStore>().GetHistoryAsync(key, CancellationToken.None);
}
