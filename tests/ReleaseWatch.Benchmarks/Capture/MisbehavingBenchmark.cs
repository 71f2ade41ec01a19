using System.Globalization;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>
/// What a misbehaving Salesforce costs it: for each misbehaviour the Faye test server can play, one subscriber with
/// the default back-off (1 s first, 30 s longest) runs against it for a fixed span, and the server's counts are
/// printed per second and in total (requests per meta channel, tokens issued). A hot loop shows as thousands a second.
/// </summary>
internal static class MisbehavingBenchmark
{
    private const string LogEntries = "/event/LogEntryEvent__e";
    private const string BatchErrors = "/event/BatchApexErrorEvent";

    private static readonly (string Name, string[] Channels, JsonObject Misbehaviour)[] Scenarios =
    [
        ("403::Unknown client, literal shape (no channel, no id)", [BatchErrors], new JsonObject { ["connect"] = "unknown-client-literal" }),
        ("403::Unknown client after every subscribe (2 channels)", [LogEntries, BatchErrors], new JsonObject { ["connect"] = "unknown-client" }),
        ("401 whose failureReason is 503::Server is too busy", [BatchErrors], new JsonObject { ["handshake"] = "busy" }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        await using var azurite = new AzuriteHandle();
        await azurite.Peer.InitializeAsync();
        foreach (var (name, channels, misbehaviour) in Scenarios)
        {
            await RunScenarioAsync(azurite.Peer, name, channels, misbehaviour, seconds);
        }

        return 0;
    }

    private static async Task RunScenarioAsync(AzuritePeer azurite, string name, string[] channels, JsonObject misbehaviour, int seconds)
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), channels, extra: new()
        {
            ["ReleaseWatch:SignalCapture:ReconnectDelay"] = "00:00:01",
            ["ReleaseWatch:SignalCapture:MaxReconnectDelay"] = "00:00:30",
        });
        await using var running = capture.StartSubscriber();
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "before" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, TimeSpan.FromSeconds(30), "first event counted");
        var before = await peers.Streaming.StateAsync();
        var tokensBefore = peers.Tokens.Issued;

        await peers.Streaming.MisbehaveAsync(misbehaviour);
        if (misbehaviour["handshake"] is not null)
        {
            await peers.Streaming.RestartAsync(); // a refused handshake needs a session to end first
        }

        var perSecond = new List<int>();
        var last = Total(before);
        using (var tick = new PeriodicTimer(TimeSpan.FromSeconds(1)))
        {
            while (perSecond.Count < seconds && await tick.WaitForNextTickAsync())
            {
                var now = Total(await peers.Streaming.StateAsync());
                perSecond.Add(now - last);
                last = now;
            }
        }

        var after = await peers.Streaming.StateAsync();
        await peers.Streaming.MisbehaveAsync(null);
        int Delta(string channel) => after.RequestsOf(channel) - before.RequestsOf(channel);
        Console.WriteLine($"misbehaving: {name}: {seconds} s, {perSecond.Sum() / (double)seconds:0.0} requests/s on average, busiest second {perSecond.Max()}; "
            + $"handshakes {Delta("/meta/handshake")}, subscribes {Delta("/meta/subscribe")}, connects {Delta("/meta/connect")}, tokens issued {peers.Tokens.Issued - tokensBefore}");
        Console.WriteLine($"misbehaving:   per second: {string.Join(' ', perSecond)}");
    }

    private static int Total(SalesforcePeerState state) => state.Requests.Values.Sum();

    private sealed class AzuriteHandle : IAsyncDisposable
    {
        public AzuritePeer Peer { get; } = new();

        public async ValueTask DisposeAsync() => await Peer.DisposeAsync();
    }
}
