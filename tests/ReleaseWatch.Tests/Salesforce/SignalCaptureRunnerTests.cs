using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

[Collection(AzuriteCollection.Name)]
public sealed class SignalCaptureRunnerTests(AzuritePeer azurite)
{
    private const string BatchErrors = "/event/BatchApexErrorEvent";

    [Fact]
    public async Task RunAsync_two_instances_one_holds_the_lease_and_the_other_takes_over_after_it_dies()
    {
        await using var peers = new CaptureFixture();
        await peers.InitializeAsync();
        var orgId = CaptureFixture.NewOrgId();
        await using var first = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, orgId, [BatchErrors]);
        await using var second = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, orgId, [BatchErrors]);
        using var killFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();

        Assert.True(await StartedAsync(first, killFirst.Token, out var firstRun));
        var secondRun = second.Runner.RunAsync(second.Org, null, waitForLease: true, releaseOnStop: true, stopSecond.Token);
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "one" });
        await Eventually.WaitUntilAsync(async () => await first.CountAsync("batch.error") == 1, TimeSpan.FromSeconds(15), "first instance counts");
        Assert.Equal(1, await peers.Streaming.HandshakesAsync());

        // The first instance dies without releasing: the second must take over once the 3 s lease expires.
        var sinceDeath = Stopwatch.StartNew();
        await killFirst.CancelAsync();
        await firstRun;
        await Eventually.WaitUntilAsync(async () => await peers.Streaming.HandshakesAsync() == 2, TimeSpan.FromSeconds(10), "second instance to take over");
        var tookOverAfter = sinceDeath.Elapsed;
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "two" });
        await Eventually.WaitUntilAsync(async () => await second.CountAsync("batch.error") == 2, TimeSpan.FromSeconds(15), "second instance counts");
        await stopSecond.CancelAsync();
        await secondRun;

        Assert.InRange(tookOverAfter, TimeSpan.Zero, TimeSpan.FromSeconds(3 + 1 + 3));
    }

    [Fact]
    public async Task RunAsync_instances_share_the_orgs_out_a_joining_one_gets_its_share_and_a_leaving_ones_orgs_are_taken_over()
    {
        await using var peers = await CaptureFixture.StartAsync();
        string[] orgs = [.. Enumerable.Range(0, 5).Select(_ => CaptureFixture.NewOrgId())];
        await using var first = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, orgs[0], [BatchErrors], moreOrgs: orgs[1..]);
        await using var second = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, orgs[0], [BatchErrors], moreOrgs: orgs[1..]);
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var deadline = TimeSpan.FromSeconds(30);

        // Alone, the first instance streams all five orgs.
        var firstRuns = first.Orgs.Select(org => first.Runner.RunAsync(org, null, waitForLease: true, releaseOnStop: true, stopFirst.Token)).ToList();
        await Eventually.WaitUntilAsync(() => Task.FromResult(first.Share.Held.Count == 5), deadline, "the first instance to hold every org");

        // A second instance joins: the first lets its surplus go, the second takes it (3 + 2, never both on one org).
        var secondRuns = second.Orgs.Select(org => second.Runner.RunAsync(org, null, waitForLease: true, releaseOnStop: true, stopSecond.Token)).ToList();
        await Eventually.WaitUntilAsync(() => Task.FromResult(first.Share.Held.Count + second.Share.Held.Count == 5 && Math.Max(first.Share.Held.Count, second.Share.Held.Count) == 3),
            deadline, "the orgs shared 3 + 2");
        Assert.Empty(first.Share.Held.Intersect(second.Share.Held));
        Assert.NotEmpty(first.Logs.OfEvent(4013));

        // Every org is streamed by one instance or the other: an event published to the channel is counted for each.
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after sharing" });
        await Eventually.WaitUntilAsync(async () => (await Task.WhenAll(orgs.Select(org => CountAsync(first, org)))).All(c => c == 1), deadline, "the event counted for each of the five orgs");

        // The second stops cleanly: the first takes its orgs back without waiting for an expiry.
        await stopSecond.CancelAsync();
        await StoppedAsync(secondRuns);
        await second.Share.LeaveAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => Task.FromResult(first.Share.Held.Count == 5), deadline, "the first instance to take every org back");
        await stopFirst.CancelAsync();
        await StoppedAsync(firstRuns);
    }

    [Fact]
    public async Task RunAsync_storage_failing_under_the_lease_keeps_streaming_while_the_lease_holds_and_takes_the_org_again_after()
    {
        await using var peers = await CaptureFixture.StartAsync();
        var tables = new FailingLeaseTables(azurite.ConnectionString);
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors],
            configure: services => services.AddSingleton<ReleaseWatch.Storage.ITableProvider>(tables));
        using var stop = new CancellationTokenSource();
        var deadline = TimeSpan.FromSeconds(20);
        var run = capture.Runner.RunAsync(capture.Org, null, waitForLease: true, releaseOnStop: true, stop.Token);
        await Eventually.WaitUntilAsync(async () => await peers.Streaming.HandshakesAsync() == 1, deadline, "subscribed");

        // The lease cannot be renewed: the subscriber goes on while the 3 s lease is surely still held.
        tables.Failing = true;
        await Eventually.WaitUntilAsync(() => Task.FromResult(capture.Logs.OfEvent(4014).Count > 0), deadline, "a renewal failing");
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "during the outage" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 1, deadline, "the event counted while the lease holds");

        // Past the lease's expiry it stops; storage back, it takes the org again and streams on.
        await Eventually.WaitUntilAsync(() => Task.FromResult(capture.Logs.OfEvent(4006).Count > 0), deadline, "the subscriber stopped once the lease may have expired");
        tables.Failing = false;
        await Eventually.WaitUntilAsync(async () => await peers.Streaming.HandshakesAsync() == 2, deadline, "the org taken again");
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "after the outage" });
        await Eventually.WaitUntilAsync(async () => await capture.CountAsync("batch.error") == 2, deadline, "the event after the outage counted");
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        await StoppedAsync([run]);
    }

    [Fact]
    public async Task PumpAsync_pumps_each_org_for_the_pump_duration_and_records_every_message()
    {
        await using var peers = new CaptureFixture();
        await peers.InitializeAsync();
        var recording = Path.Combine(Path.GetTempPath(), AzuritePeer.UniqueName("signals") + ".jsonl");
        await using var capture = CaptureInstance.Create(azurite.ConnectionString, peers.Tokens, CaptureFixture.NewOrgId(), [BatchErrors], extra: new()
        {
            ["ReleaseWatch:SignalCapture:PumpDuration"] = "00:00:02",
            ["ReleaseWatch:SignalCapture:RecordPath"] = recording,
        });
        await peers.Streaming.PublishAsync(BatchErrors, new JsonObject { ["Message"] = "queued before the pump" }, 3);

        var pumped = await capture.Pump.PumpAsync(CancellationToken.None);

        Assert.Equal([capture.Org.Id], pumped);
        Assert.Equal(3, await capture.CountAsync("batch.error"));
        var lines = (await File.ReadAllLinesAsync(recording)).Select(l => JsonNode.Parse(l)!).ToList();
        File.Delete(recording);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal((capture.Org.Id, BatchErrors), (l["org"]!.ToString(), l["message"]!["channel"]!.ToString())));
        Assert.Equal(3, lines[2]["message"]!["data"]!["event"]!["replayId"]!.GetValue<long>());
        Assert.EndsWith("Z", lines[0]["receivedAt"]!.ToString(), StringComparison.Ordinal);
    }

    private static Task<bool> StartedAsync(CaptureInstance instance, CancellationToken token, out Task<bool> run)
    {
        run = instance.Runner.RunAsync(instance.Org, null, waitForLease: false, releaseOnStop: false, token);
        return Eventually.WaitUntilAsync(() => instance.Streams.ReadChannelsAsync(instance.Org.Id, CancellationToken.None)
            .ContinueWith(t => t.Result.Any(c => c.State == ReleaseWatch.Signals.StreamState.Connected), TaskScheduler.Default), TimeSpan.FromSeconds(15), "first instance connected");
    }

    private static async Task<long> CountAsync(CaptureInstance capture, string orgId)
    {
        var now = TimeProvider.System.GetUtcNow();
        return (await capture.Reader.ReadAsync(orgId, "batch.error", now.AddHours(-1), now.AddHours(1), CancellationToken.None)).Total;
    }

    /// <summary>Waits for stopped runs: one still waiting for a lease ends cancelled, as under the hosted service.</summary>
    private static async Task StoppedAsync(IEnumerable<Task<bool>> runs)
    {
        foreach (var run in runs)
        {
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                // It was waiting for its share to allow the org.
            }
        }
    }
}
