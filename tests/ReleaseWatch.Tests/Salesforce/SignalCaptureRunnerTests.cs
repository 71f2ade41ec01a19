using System.Diagnostics;
using System.Text.Json.Nodes;
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
}
