using System.Text.Json.Nodes;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;
using Xunit.Abstractions;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>
/// A misbehaving Salesforce streaming endpoint (tests/peers/salesforce/server.js, POST /control/misbehave): the
/// subscriber follows the server's advice, never retries without a delay, and loses nothing once it recovers.
/// Capture runs with a 50 ms first back-off and a 500 ms maximum (CaptureInstance).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignalSubscriberProtocolTests(AzuritePeer azurite, ITestOutputHelper output)
{
    private const string LogEntries = "/event/LogEntryEvent__e";
    private const string BatchErrors = "/event/BatchApexErrorEvent";
    private const int ReconnectingEvent = 4003;

    /// <summary>Far above what a client that waits between attempts sends (a few a second), far below a hot loop (thousands).</summary>
    private const int MaxRequestsPerSecond = 40;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_unknown_client_in_the_literal_shape_handshakes_again_after_a_delay_instead_of_polling_in_a_loop()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        await using var running = capture.StartSubscriber();
        var before = await FirstEventCountedAsync(peers, capture);

        await peers.Streaming.MisbehaveAsync(new JsonObject { ["connect"] = "unknown-client-literal" });
        var storm = await StormAsync(peers.Streaming, s => s.RequestsOf("/meta/handshake") >= before.RequestsOf("/meta/handshake") + 6);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "during" }, 2);
        await peers.Streaming.MisbehaveAsync(null);
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 3, Deadline, "events published during the refusals counted after them");
        await running.DisposeAsync();

        Assert.True(storm.PeakRequestsPerSecond <= MaxRequestsPerSecond, $"peak {storm.PeakRequestsPerSecond} requests/s");
        Assert.True(storm.RequestsOf("/meta/handshake") >= before.RequestsOf("/meta/handshake") + 6, "the advice (handshake) is followed");
        Assert.Equal(3, await capture.CountAsync("batch.error"));
    }

    [Fact]
    public async Task RunAsync_unknown_client_after_every_subscribe_backs_off_exponentially()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 2, Deadline, "both channels subscribed");

        await peers.Streaming.MisbehaveAsync(new JsonObject { ["connect"] = "unknown-client" });
        var storm = await StormAsync(peers.Streaming, _ => capture.Logs.OfEvent(ReconnectingEvent).Count >= 7);
        await peers.Streaming.MisbehaveAsync(null);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "event counted after the refusals end");
        await running.DisposeAsync();

        Assert.True(storm.PeakRequestsPerSecond <= MaxRequestsPerSecond, $"peak {storm.PeakRequestsPerSecond} requests/s");
        var delays = capture.Logs.OfEvent(ReconnectingEvent).Take(7).Select(e => e.Value<TimeSpan>("Delay")).ToList();
        output.WriteLine("delays: " + string.Join(", ", delays.Select(d => d.TotalMilliseconds)));
        Assert.All(delays, d => Assert.True(d > TimeSpan.Zero, "never retried without a delay"));
        Assert.True(delays[^1] >= TimeSpan.FromMilliseconds(250), "the delay grows towards MaxReconnectDelay while every session is refused");
    }

    [Fact]
    public async Task RunAsync_a_blip_long_after_a_recovered_outage_waits_the_first_delay_not_the_longest()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");

        await peers.Streaming.OutageAsync(true);
        await Eventually.WaitUntilAsync(() => capture.Logs.OfEvent(ReconnectingEvent).Count >= 7, Deadline, "back-off grown during a long outage");
        await peers.Streaming.OutageAsync(false);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "recovered" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "recovered");
        var beforeBlip = capture.Logs.OfEvent(ReconnectingEvent).Count;
        await peers.Streaming.OutageAsync(true);
        await Eventually.WaitUntilAsync(() => capture.Logs.OfEvent(ReconnectingEvent).Count > beforeBlip, Deadline, "the blip noticed");
        await peers.Streaming.OutageAsync(false);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after the blip" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 2, Deadline, "recovered from the blip");
        await running.DisposeAsync();

        var logged = capture.Logs.OfEvent(ReconnectingEvent);
        output.WriteLine("delays: " + string.Join(", ", logged.Select(e => e.Value<TimeSpan>("Delay").TotalMilliseconds)));
        Assert.True(logged[beforeBlip - 1].Value<TimeSpan>("Delay") >= TimeSpan.FromMilliseconds(250), "the outage grew the back-off");
        Assert.InRange(logged[beforeBlip].Value<TimeSpan>("Delay"), TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task RunAsync_connect_that_hangs_is_reported_past_the_advised_timeout_and_abandoned_soon_after()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await capture.Streams.ReadChannelsAsync(capture.Org.Id, CancellationToken.None)).Any(c => c.State == StreamState.Connected), Deadline, "connected");
        var handshakes = (await peers.Streaming.StateAsync()).RequestsOf("/meta/handshake");

        // The test server advises a 5 s poll; a client that waits advice + 30 s would take 35 s for each step below.
        await peers.Streaming.MisbehaveAsync(new JsonObject { ["connect"] = "hang" });
        var hanging = await Eventually.WaitForAsync(async () =>
        {
            var channels = await capture.Streams.ReadChannelsAsync(capture.Org.Id, CancellationToken.None);
            return channels.FirstOrDefault(c => c.State == StreamState.Reconnecting && c.Detail?.Contains("/meta/connect", StringComparison.Ordinal) == true);
        }, TimeSpan.FromSeconds(20), "a poll past its advised timeout reported");
        Assert.Equal(SignalSourceHealth.Down, SourceHealth.Of([hanging!], hanging!.UpdatedAt, new StreamHealthOptions()));
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).RequestsOf("/meta/handshake") > handshakes, TimeSpan.FromSeconds(20), "the hung poll abandoned and a new session started");

        await peers.Streaming.MisbehaveAsync(null);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "event counted once polls are answered again");
        await running.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_busy_server_behind_a_401_backs_off_without_renewing_the_token()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        await using var running = capture.StartSubscriber();
        var before = await FirstEventCountedAsync(peers, capture);

        await peers.Streaming.MisbehaveAsync(new JsonObject { ["handshake"] = "busy" });
        await peers.Streaming.RestartAsync();
        var storm = await StormAsync(peers.Streaming, s => s.RequestsOf("/meta/handshake") >= before.RequestsOf("/meta/handshake") + 5);
        var issuedDuringBusy = peers.Tokens.Issued;
        await peers.Streaming.MisbehaveAsync(null);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 2, Deadline, "event counted once the server has room again");
        await running.DisposeAsync();

        Assert.Equal(1, issuedDuringBusy);
        Assert.True(storm.PeakRequestsPerSecond <= MaxRequestsPerSecond, $"peak {storm.PeakRequestsPerSecond} requests/s");
        Assert.Equal(1, peers.Tokens.Issued);
    }

    /// <summary>Publishes one event, waits until it is counted (the subscriber is connected), and returns what the server saw so far.</summary>
    private static async Task<SalesforcePeerState> FirstEventCountedAsync(CaptureFixture peers, CaptureInstance capture)
    {
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "before" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "first event counted");
        return await peers.Streaming.StateAsync();
    }

    /// <summary>
    /// Lets a misbehaviour play until <paramref name="enough"/> holds, or until the client has sent thousands of
    /// requests (a hot loop: there is no point waiting longer). Returns what the server saw; prints the peak rate.
    /// </summary>
    private async Task<SalesforcePeerState> StormAsync(SalesforcePeer streaming, Func<SalesforcePeerState, bool> enough)
    {
        var state = await Eventually.WaitForAsync(async () =>
        {
            var now = await streaming.StateAsync();
            return enough(now) || now.Requests.Values.Sum() > 3000 ? now : null;
        }, Deadline, "the misbehaviour to play out");
        output.WriteLine($"peak {state!.PeakRequestsPerSecond} Bayeux requests/s; requests: {string.Join(", ", state.Requests.Select(r => $"{r.Key} {r.Value}"))}");
        return state;
    }
}
