using System.Text.Json.Nodes;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

[Collection(AzuriteCollection.Name)]
public sealed class SignalSubscriberTests(AzuritePeer azurite)
{
    private const string LogEntries = "/event/LogEntryEvent__e";
    private const string BatchErrors = "/event/BatchApexErrorEvent";
    private const string Opportunities = "/data/OpportunityChangeEvent";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_platform_and_change_events_counts_each_signal_and_keeps_failure_evidence()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors, Opportunities]);
        using var stop = new CancellationTokenSource();
        var run = capture.Subscriber.RunAsync(capture.Org, stop.Token);

        await peers.Streaming.PublishAsync(LogEntries, new JsonObject { ["LoggingLevel__c"] = "ERROR", ["Message__c"] = "Attempt to de-reference a null object", ["OriginLocation__c"] = "OpportunityService.close", ["RecordId__c"] = "006000000000001" }, 3);
        await peers.Streaming.PublishAsync(LogEntries, new JsonObject { ["LoggingLevel__c"] = "INFO", ["Message__c"] = "fine" }, 2);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["ExceptionType"] = "System.LimitException", ["Message"] = "Too many SOQL queries: 101", ["JobScope"] = "001A,001B" });
        await peers.Streaming.PublishAsync(Opportunities, new JsonObject { ["ChangeEventHeader"] = new JsonObject { ["entityName"] = "Opportunity", ["changeType"] = "CREATE", ["commitTimestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), ["recordIds"] = new JsonArray("006A") } }, 4);

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("business.opportunity.created") == 4 && await capture.CountAsync("batch.error") == 1 && await capture.CountAsync("apex.error") == 3, Deadline, "all signals counted");
        var evidence = await capture.Evidence.ReadAsync(capture.Org.Id, "batch.error", TimeProvider.System.GetUtcNow().AddHours(-1), TimeProvider.System.GetUtcNow().AddHours(1), 10, CancellationToken.None);
        await stop.CancelAsync();
        await run;

        var batch = Assert.Single(evidence);
        Assert.Equal(("System.LimitException", "Too many SOQL queries: 101"), (batch.Type, batch.Message));
        Assert.Equal(["001A", "001B"], batch.RecordIds);
        Assert.Contains(capture.Org.Id, capture.Nudge.Orgs);
        Assert.Equal(3, await capture.CountAsync("apex.error"));
        // Every received event is its channel's traffic, classified or not: 3 errors and 2 infos on the log stream.
        Assert.Equal(5, await capture.CountAsync(ChannelTraffic.Signal(LogEntries)));
        Assert.Equal(4, await capture.CountAsync(ChannelTraffic.Signal(Opportunities)));
    }

    [Fact]
    public async Task RunAsync_token_expired_gets_a_new_token_and_keeps_counting()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        using var stop = new CancellationTokenSource();
        var run = capture.Subscriber.RunAsync(capture.Org, stop.Token);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "first" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "first event counted");

        await peers.Streaming.ExpireTokensAsync();
        await peers.Streaming.RestartAsync();
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "second" });

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 2, Deadline, "event after token expiry counted");
        await stop.CancelAsync();
        await run;
        Assert.Equal(2, peers.Tokens.Issued);
    }

    [Fact]
    public async Task RunAsync_server_forgot_the_client_handshakes_again_and_counts_once()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors], clientCredentials: true);
        using var stop = new CancellationTokenSource();
        var run = capture.Subscriber.RunAsync(capture.Org, stop.Token);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "before" }, 5);
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 5, Deadline, "events before restart counted");

        await peers.Streaming.RestartAsync();
        await Eventually.WaitUntilAsync(async () => await peers.Streaming.HandshakesAsync() >= 2, Deadline, "a new handshake after 403::Unknown client");
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after" }, 5);

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 10, Deadline, "events after restart counted");
        await stop.CancelAsync();
        await run;
        Assert.Equal(10, await capture.CountAsync("batch.error"));
        Assert.Equal(1, peers.Tokens.Issued);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-channel")] // the reply without a channel field, as in Salesforce's documented sample
    public async Task RunAsync_checkpoint_purged_resumes_from_fallback_and_records_a_gap(string? replyShape)
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors]);
        using (var first = new CancellationTokenSource())
        {
            var run = capture.Subscriber.RunAsync(capture.Org, first.Token);
            await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "counted" }, 2);
            await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 2, Deadline, "first events counted");
            await first.CancelAsync();
            await run;
        }

        // While the subscriber is away, more events come and the older ones leave retention.
        var last = await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "missed" }, 3);
        await peers.Streaming.PurgeAsync(BatchErrors, keepFrom: last);
        await peers.Streaming.MisbehaveAsync(replyShape is null ? null : new JsonObject { ["replayError"] = replyShape });
        using var second = new CancellationTokenSource();
        var resumed = capture.Subscriber.RunAsync(capture.Org, second.Token);

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 3, Deadline, "retained event counted after fallback");
        var window = await capture.Reader.ReadAsync(capture.Org.Id, "batch.error", TimeProvider.System.GetUtcNow().AddHours(-1), TimeProvider.System.GetUtcNow().AddMinutes(1), CancellationToken.None);
        await second.CancelAsync();
        await resumed;
        var gap = Assert.Single(window.Gaps);
        Assert.Equal(BatchErrors, gap.Channel);
        Assert.StartsWith("400::The replayId {2} you provided was invalid.", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_stopped_abruptly_at_random_points_counts_5000_events_exactly()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors]);
        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await peers.Streaming.PublishAsync(LogEntries, new JsonObject { ["LoggingLevel__c"] = "FATAL", ["Message__c"] = "boom" }, 150);
                await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "batch" }, 50);
            }
        });

        await capture.CountThroughAbruptStopsAsync(publishing, seed: 4,
            async () => await capture.CountAsync("apex.error") >= 3750 && await capture.CountAsync("batch.error") >= 1250, "all 5,000 events counted");

        Assert.Equal(3750, await capture.CountAsync("apex.error"));
        Assert.Equal(1250, await capture.CountAsync("batch.error"));
    }
}
