using System.Text.Json.Nodes;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>What a (misbehaving) Salesforce delivers, and what is counted of it: out-of-order batches, channels never subscribed, quiet channels across outages, per-channel health.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignalSubscriberDeliveryTests(AzuritePeer azurite)
{
    private const string LogEntries = "/event/LogEntryEvent__e";
    private const string BatchErrors = "/event/BatchApexErrorEvent";
    private const int UnsubscribedChannelEvent = 4008;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static JsonObject Fatal => new() { ["LoggingLevel__c"] = "FATAL", ["Message__c"] = "boom" };

    [Fact]
    public async Task RunAsync_events_delivered_shuffled_or_descending_in_one_batch_are_each_counted_once()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");

        await peers.Streaming.PublishBatchAsync(LogEntries, Fatal, 60, "shuffled", seed: 7);
        await peers.Streaming.PublishBatchAsync(LogEntries, Fatal, 60, "descending");

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("apex.error") == 120, Deadline, "all 120 events counted");
        await running.DisposeAsync();
        var checkpoints = await capture.Streams.ReadCheckpointsAsync(capture.Org.Id, CancellationToken.None);
        Assert.Equal(120, checkpoints[LogEntries].ReplayId);
        Assert.Equal(120, await capture.CountAsync("apex.error"));
    }

    [Fact]
    public async Task RunAsync_shuffled_batches_stopped_abruptly_at_random_points_count_each_event_exactly_once()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors]);
        var publishing = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await peers.Streaming.PublishBatchAsync(LogEntries, Fatal, 40, "shuffled", seed: i);
                await peers.Streaming.PublishBatchAsync(BatchErrors, new JsonObject { ["Message"] = "batch" }, 20, "descending");
            }
        });

        await capture.CountThroughAbruptStopsAsync(publishing, seed: 18,
            async () => await capture.CountAsync("apex.error") >= 600 && await capture.CountAsync("batch.error") >= 300, "all 900 events counted");

        Assert.Equal(600, await capture.CountAsync("apex.error"));
        Assert.Equal(300, await capture.CountAsync("batch.error"));
    }

    [Fact]
    public async Task RunAsync_a_message_cut_in_the_middle_of_an_emoji_is_counted_with_the_rest_of_its_batch()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");

        // Apex cut the message at a length limit between the two halves of 😀: the JSON carries "\ud83d" alone.
        await peers.Streaming.PublishTextAsync(LogEntries, """{"LoggingLevel__c":"ERROR","Message__c":"Quote sync failed \ud83d","CreatedDate":"\udfff"}""", 5);
        await peers.Streaming.PublishAsync(LogEntries, Fatal);

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("apex.error") == 6, Deadline, "the five cut messages and the whole one counted");
    }

    [Fact]
    public async Task RunAsync_events_of_a_channel_not_subscribed_are_ignored_and_logged_once()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");

        await peers.Streaming.PublishBatchAsync(BatchErrors, new JsonObject { ["ExceptionType"] = "System.LimitException", ["Message"] = "foreign" }, 10, toEveryClient: true);
        await peers.Streaming.PublishBatchAsync(BatchErrors, new JsonObject { ["Message"] = "foreign again" }, 5, toEveryClient: true);
        await peers.Streaming.PublishAsync(LogEntries, Fatal);
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("apex.error") == 1, Deadline, "the subscribed channel's event counted after the foreign ones");
        await running.DisposeAsync();

        var now = TimeProvider.System.GetUtcNow();
        Assert.Equal(0, await capture.CountAsync("batch.error"));
        Assert.Empty(await capture.Evidence.ReadAsync(capture.Org.Id, "batch.error", now.AddHours(-1), now.AddHours(1), 10, CancellationToken.None));
        Assert.False((await capture.Streams.ReadCheckpointsAsync(capture.Org.Id, CancellationToken.None)).ContainsKey(BatchErrors));
        Assert.DoesNotContain(await capture.Streams.ReadChannelsAsync(capture.Org.Id, CancellationToken.None), c => c.Channel == BatchErrors);
        var logged = Assert.Single(capture.Logs.OfEvent(UnsubscribedChannelEvent));
        Assert.Contains(BatchErrors, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_channel_without_checkpoint_reconnecting_after_an_outage_counts_what_was_published_meanwhile()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors], extra: NewOnly);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "before the first session" }, 3);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");

        await peers.Streaming.OutageAsync(true);
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Rejected >= 1, Deadline, "the client meets the outage");
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "during the outage" }, 5);
        await peers.Streaming.OutageAsync(false);

        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") >= 5, Deadline, "events published during the outage counted");
        await running.DisposeAsync();
        Assert.Equal(5, await capture.CountAsync("batch.error"));
    }

    [Fact]
    public async Task RunAsync_channel_without_checkpoint_resumes_where_the_previous_run_stopped()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors], extra: NewOnly);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "before the first run" }, 2);
        using (var first = new CancellationTokenSource())
        {
            var run = capture.Subscriber.RunAsync(capture.Org, first.Token);
            await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 1, Deadline, "subscribed");
            await first.CancelAsync();
            await run;
        }

        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "between runs" }, 4);
        using var second = new CancellationTokenSource();
        var resumed = capture.Subscriber.RunAsync(capture.Org, second.Token);
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") >= 4, Deadline, "events published between the runs counted");
        await second.CancelAsync();
        await resumed;
        Assert.Equal(4, await capture.CountAsync("batch.error"));
    }

    [Fact]
    public async Task RunAsync_channel_recovered_from_an_error_clears_its_error_detail()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 2, Deadline, "subscribed");

        await peers.Streaming.OutageAsync(true);
        await Eventually.WaitUntilAsync(async () => (await ChannelsAsync(capture)).All(c => c.State != StreamState.Connected && c.Detail is not null), Deadline, "the outage reported");
        await peers.Streaming.OutageAsync(false);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, Deadline, "recovered");
        var channels = await Eventually.WaitForAsync(async () =>
        {
            var now = await ChannelsAsync(capture);
            return now.All(c => c.State == StreamState.Connected) ? now : null;
        }, Deadline, "both channels connected again");
        await running.DisposeAsync();

        Assert.All(channels!, c => Assert.Null(c.Detail));
    }

    [Fact]
    public async Task RunAsync_lag_and_newest_event_are_kept_per_channel()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [LogEntries, BatchErrors]);
        await using var running = capture.StartSubscriber();
        await Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= 2, Deadline, "subscribed");

        var late = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        await peers.Streaming.PublishAsync(LogEntries, new JsonObject { ["LoggingLevel__c"] = "ERROR", ["Message__c"] = "late", ["CreatedDate"] = late.ToString("O") });
        var channels = await Eventually.WaitForAsync(async () =>
        {
            var now = await ChannelsAsync(capture);
            return now.Any(c => c.Channel == LogEntries && c.NewestEventAt is not null) ? now : null;
        }, Deadline, "the late event's channel reported");
        await running.DisposeAsync();

        var logEntries = channels!.Single(c => c.Channel == LogEntries);
        var batchErrors = channels!.Single(c => c.Channel == BatchErrors);
        Assert.Equal(late.ToUnixTimeMilliseconds(), logEntries.NewestEventAt!.Value.ToUnixTimeMilliseconds());
        Assert.True(logEntries.Lag >= TimeSpan.FromMinutes(9), $"lag {logEntries.Lag}");
        Assert.Null(batchErrors.NewestEventAt);
        Assert.Null(batchErrors.Lag);
    }

    private static Dictionary<string, string?> NewOnly => new() { ["ReleaseWatch:Orgs:0:Salesforce:InitialReplayId"] = "-1" };

    private static Task<IReadOnlyList<ChannelHealth>> ChannelsAsync(CaptureInstance capture) =>
        capture.Streams.ReadChannelsAsync(capture.Org.Id, CancellationToken.None);
}
