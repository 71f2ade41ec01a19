using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Benchmarks.Storage;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Benchmarks.Capture;

/// <summary>
/// Signal capture numbers: classification alone, classify + count into Azurite, and N orgs subscribed at
/// once against the Faye test server (memory, and events/s end to end per CPU second).
/// </summary>
internal static class CaptureBenchmark
{
    private const string Channel = "/event/LogEntryEvent__e";

    /// <summary>The flush interval a fleet would set (ReleaseWatch:SignalCapture:Store:FlushInterval).</summary>
    private static readonly TimeSpan FleetFlushInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var orgCount = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30_000;
        await using var peers = new BenchmarkPeers();
        await peers.StartAsync();
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        MeasureClassification();
        await MeasureCountingAsync(peers, events, TimeSpan.Zero);
        await MeasureCountingAsync(peers, events, FleetFlushInterval);
        await MeasureSubscribedOrgsAsync(peers, orgCount);
        return 0;
    }

    private static void MeasureClassification()
    {
        var classifier = SignalClassifier.For("00DBENCH", []);
        var messages = Enumerable.Range(1, 200_000).Select(i => Message(i)).ToList();
        var clock = Stopwatch.StartNew();
        var failures = 0;
        foreach (var message in messages)
        {
            if (classifier.Classify(StreamEvent.TryParse(message, DateTimeOffset.UnixEpoch)!)?.Kind == SignalKind.Failure)
            {
                failures++;
            }
        }

        Console.WriteLine($"classification only: {messages.Count / clock.Elapsed.TotalSeconds:N0} events/s on one core ({failures} failures)");
    }

    /// <summary>
    /// Classify, count, keep evidence and checkpoint into Azurite: batches of 100 events across 100 orgs, each org's
    /// batches one after another as its subscriber delivers them, the orgs at once; storage requests per 1,000 events.
    /// </summary>
    private static async Task MeasureCountingAsync(BenchmarkPeers peers, int total, TimeSpan flushInterval)
    {
        const int orgs = 100, batch = 100;
        await using var services = Services(peers, 0, 0, flushInterval);
        var processor = services.GetRequiredService<SignalBatchProcessor>();
        var perOrg = Math.Max(batch, total / orgs / batch * batch);
        var tally = RequestTally.Start(services);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, orgs).Select(o => Task.Run(async () =>
        {
            // Orgs of their own per run: a run must not meet the rows of the one before.
            var org = $"00DCOUNT{(flushInterval > TimeSpan.Zero ? 1 : 0)}{o:D9}";
            var classifier = SignalClassifier.For(org, []);
            for (var start = 1; start <= perOrg; start += batch)
            {
                var messages = Enumerable.Range(start, batch).Select(i => Message(i)).ToList();
                await processor.ProcessAsync(org, classifier, messages, CancellationToken.None);
            }
        })));
        await services.GetRequiredService<SignalFlusher>().FlushAsync();

        var elapsed = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var events = (double)orgs * perOrg;
        Console.WriteLine($"classify + count + evidence + checkpoint ({orgs} orgs x {perOrg} events, batches of {batch}, flush interval {flushInterval.TotalSeconds:0.#} s, Azurite): {events / elapsed.TotalSeconds:N0} events/s, {events / cpuUsed.TotalSeconds:N0} events per CPU second of this process");
        Console.WriteLine($"  storage requests per 1,000 events: {tally.Per(events / 1000):0.0} ({tally.Describe(events / 1000)})");
    }

    private static async Task MeasureSubscribedOrgsAsync(BenchmarkPeers peers, int orgCount)
    {
        using var http = new HttpClient();
        var streaming = new Uri($"http://127.0.0.1:{peers.StreamingPort}");
        await using var tokens = await StartTokenEndpointAsync(http, streaming);
        var services = Services(peers, orgCount, tokens.Port, FleetFlushInterval);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var connectClock = Stopwatch.StartNew();
        // Every subscriber has subscribed (its next request is its first long poll) before memory is measured.
        await Eventually.WaitUntilAsync(async () => (await http.GetFromJsonAsync<JsonObject>(new Uri(streaming, "/control/state")))!["subscriptions"]!.GetValue<int>() >= orgCount,
            TimeSpan.FromMinutes(2), $"{orgCount} orgs to subscribe");
        var connected = connectClock.Elapsed;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"{orgCount} orgs subscribed in {connected.TotalSeconds:N1} s: managed heap +{(memoryAfter - memoryBefore) / 1024.0 / 1024:N1} MB ({(memoryAfter - memoryBefore) / 1024.0 / orgCount:N0} KB per org), process working set {workingSetAfter / 1024.0 / 1024:N0} MB (was {workingSetBefore / 1024.0 / 1024:N0} MB)");

        const int perOrg = 25;
        var reader = services.GetRequiredService<ISignalReader>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await http.PostAsync(new Uri(streaming, "/control/publish"), JsonContent.Create(new JsonObject { ["channel"] = Channel, ["count"] = perOrg, ["payload"] = new JsonObject { ["LoggingLevel__c"] = "ERROR", ["Message__c"] = "benchmark" } }));
        // Each probe reads only the orgs not yet complete (a read per org per probe would load Azurite more than capture does).
        var waiting = Enumerable.Range(0, orgCount).Select(OrgId).ToHashSet(StringComparer.Ordinal);
        var counted = 0L;
        await Eventually.WaitUntilAsync(async () =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var windows = await Task.WhenAll(waiting.Select(org => reader.ReadAsync(org, "apex.error", now.AddHours(-1), now.AddHours(1), CancellationToken.None)));
            foreach (var window in windows.Where(w => w.Total >= perOrg))
            {
                waiting.Remove(window.OrgId);
                counted += window.Total;
            }

            return waiting.Count == 0;
        }, TimeSpan.FromMinutes(3), $"{orgCount * perOrg} events to be counted");

        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{orgCount} orgs x {perOrg} events delivered, classified and counted: {counted} in {clock.Elapsed.TotalSeconds:N1} s = {counted / clock.Elapsed.TotalSeconds:N0} events/s, {counted / cpuUsed.TotalSeconds:N0} events per CPU second (includes the reads that check the counts)");
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }

    private static ServiceProvider Services(BenchmarkPeers peers, int orgCount, int tokenPort, TimeSpan flushInterval)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = peers.StorageConnectionString,
            ["ReleaseWatch:SignalCapture:Store:FlushInterval"] = flushInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < orgCount; i++)
        {
            settings[$"ReleaseWatch:Orgs:{i}:Id"] = OrgId(i);
            settings[$"ReleaseWatch:Orgs:{i}:Name"] = $"Org {i}";
            settings[$"ReleaseWatch:Orgs:{i}:Environment"] = "production";
            settings[$"ReleaseWatch:Orgs:{i}:Salesforce:LoginUrl"] = $"http://127.0.0.1:{tokenPort}";
            settings[$"ReleaseWatch:Orgs:{i}:Salesforce:ClientId"] = "bench";
            settings[$"ReleaseWatch:Orgs:{i}:Salesforce:ClientSecret"] = "bench";
            settings[$"ReleaseWatch:Orgs:{i}:Channels:0"] = Channel;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddReleaseWatchSignalCaptureHostedService();
        return services.BuildServiceProvider();
    }

    private static async Task<TokenServer> StartTokenEndpointAsync(HttpClient http, Uri streaming)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issued = 0;
        app.MapPost("/services/oauth2/token", async () =>
        {
            var token = $"bench{Interlocked.Increment(ref issued)}";
            await http.PostAsync(new Uri(streaming, "/control/tokens"), JsonContent.Create(new JsonObject { ["token"] = token }));
            return Results.Json(new { access_token = token, instance_url = streaming.ToString().TrimEnd('/') });
        });
        await app.StartAsync();
        return new TokenServer(app, port);
    }

    private static string OrgId(int i) => $"00DBENCH{i:D10}";

    private static JsonObject Message(int replayId) => new()
    {
        ["channel"] = replayId % 4 == 0 ? "/data/OpportunityChangeEvent" : Channel,
        ["data"] = new JsonObject
        {
            ["schema"] = "s",
            ["payload"] = replayId % 4 == 0
                ? new JsonObject { ["ChangeEventHeader"] = new JsonObject { ["entityName"] = "Opportunity", ["changeType"] = "CREATE", ["commitTimestamp"] = 1795428000000 + (replayId * 10L) } }
                : new JsonObject { ["LoggingLevel__c"] = replayId % 2 == 0 ? "INFO" : "ERROR", ["Message__c"] = "Attempt to de-reference a null object", ["CreatedDate"] = "2026-11-23T10:00:00Z" },
            ["event"] = new JsonObject { ["replayId"] = (long)replayId },
        },
    };
}
