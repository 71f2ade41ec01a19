using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Commands.ServiceBus;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Watches.Runtime;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Telemetry;

/// <summary>
/// A deployment followed through OpenTelemetry, as an operator would in Application Insights: the webhook's request,
/// the watch's first step under it, each later step a trace of its own linked to that origin, the command's delivery
/// under the step that decided it, and its trace context on the message the deploy agent receives.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeploymentTraceTests(AzuritePeer azurite)
{
    private const string Channel = "/event/LogEntryEvent__e";

    [Fact]
    public async Task A_deployment_is_one_trace_per_step_linked_to_the_webhook_and_the_command_carries_the_deciding_step()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var collector = TelemetryReceiver.Start();
        var metric = "traced-" + Guid.NewGuid().ToString("N")[..8];
        var telemetry = new ExportedTelemetry();
        var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999", // no hosted loops: the test ticks
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["ReleaseWatch:ServiceBus:ConnectionString"] = peer.ConnectionString(),
            ["ReleaseWatch:Orgs:0:Policy"] = "traced",
            ["ReleaseWatch:Policies:traced"] = WatchServices.Policy.Replace("apex-errors", metric, StringComparison.Ordinal).Replace("\"PT0M\"", "\"PT1M\"", StringComparison.Ordinal),
        });
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(telemetry.AddTo));
        var services = factory.Services;

        // The pipeline's own span: the webhook continues its trace.
        var pipelineTrace = ActivityTraceId.CreateRandom();
        var pipelineSpan = ActivitySpanId.CreateRandom();
        using var webhook = Webhooks.Signed("/api/deployments", Webhooks.Notice("dep-traced", app.Time.GetUtcNow(), app.OrgId).ToJsonString());
        webhook.Headers.Add("traceparent", $"00-{pipelineTrace}-{pipelineSpan}-01");
        using var response = await factory.CreateClient().SendAsync(webhook);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var watchId = (await response.JsonAsync()).GetProperty("id").GetString()!;

        // The request's span ends (and is exported) just after the response is written.
        var request = await Eventually.WaitForAsync(
            () => Task.FromResult(telemetry.Spans.SingleOrDefault(s => s.Kind == ActivityKind.Server && s.TraceId == pipelineTrace)),
            TimeSpan.FromSeconds(10), "the webhook request's span");
        Assert.Equal(pipelineSpan, request.ParentSpanId);
        var start = Assert.Single(telemetry.Of(watchId, "watch start"));
        Assert.Equal((pipelineTrace, request.SpanId), (start.TraceId, start.ParentSpanId));

        // First check by the ticker (quiet), then two captured bursts a minute apart, each nudging a check.
        app.Time.Advance(TimeSpan.FromSeconds(90));
        await ConnectedAsync(services, app);
        await services.GetRequiredService<WatchTicker>().TickAsync(CancellationToken.None);
        await CaptureErrorsAsync(services, app, firstReplayId: 1);
        app.Time.Advance(TimeSpan.FromSeconds(60));
        await ConnectedAsync(services, app);
        await CaptureErrorsAsync(services, app, firstReplayId: 13);

        var checks = telemetry.Of(watchId, "watch check").OrderBy(c => c.StartTimeUtc).ToList();
        Assert.Equal(["Check", "Nudge", "Nudge"], checks.Select(c => c.GetTagItem("releasewatch.watch.trigger")));
        Assert.All(checks, check =>
        {
            Assert.Equal(default, check.ParentSpanId);
            Assert.NotEqual(pipelineTrace, check.TraceId);
            Assert.Contains(check.Links, l => l.Context.TraceId == pipelineTrace && l.Context.SpanId == start.SpanId);
            Assert.Single(telemetry.Spans, s => s.OperationName == "watch judge" && s.ParentSpanId == check.SpanId);
        });
        Assert.Equal(3, checks.Select(c => c.TraceId).Distinct().Count());
        Assert.Equal(["Passed", "Failed", "Failed"], checks.Select(c => c.Events.Single(e => e.Name == "verdict").Tags.Single(t => t.Key == "releasewatch.verdict").Value));
        var breaching = checks[^1];
        Assert.Equal("Responding", breaching.GetTagItem("releasewatch.watch.phase"));
        Assert.Contains(breaching.Events, e => e.Name == "command");

        // The command's delivery continues the deciding step's trace, and the message carries it to the agent.
        var delivery = Assert.Single(telemetry.Of(watchId, "deliver command"));
        Assert.Equal((breaching.TraceId, breaching.SpanId, ActivityKind.Producer, "sent"), (delivery.TraceId, delivery.ParentSpanId, delivery.Kind, delivery.GetTagItem("releasewatch.outbox.outcome")));
        var message = Assert.Single(peer.Queue(ServiceBusNamespace.Commands).Enqueued);
        Assert.Equal(delivery.Id, message.ApplicationProperties["Diagnostic-Id"]);
        Assert.Equal(delivery.Id, message.ApplicationProperties["traceparent"]);
        // Recording the broker's acceptance is a step of its own, linked to the origin too.
        Assert.Contains(telemetry.Of(watchId, "watch step"), s =>
            Equals(s.GetTagItem("releasewatch.watch.trigger"), "DeliveryRecorded") && s.Links.Any(l => l.Context.SpanId == start.SpanId));

        // Logs carry the trace and span of the step they were written in.
        Assert.Contains(telemetry.Logs, l => l.EventId.Id == 2001 && l.TraceId == pipelineTrace && l.SpanId == start.SpanId);
        Assert.Contains(telemetry.Logs, l => l.EventId.Id == 2002 && l.TraceId == breaching.TraceId && l.SpanId == breaching.SpanId);

        services.GetRequiredService<MeterProvider>().ForceFlush();
        Assert.Equal(2, telemetry.Points("releasewatch.verdicts", ("releasewatch.metric", metric), ("releasewatch.verdict", "Failed")).Sum(p => p.GetSumLong()));
        Assert.Equal(3, telemetry.Points("releasewatch.verdicts", ("releasewatch.metric", metric)).Sum(p => p.GetSumLong()));
        var delay = Assert.Single(telemetry.Points("releasewatch.detection.delay", ("releasewatch.metric", metric)));
        Assert.Equal((1, 60.0), (delay.GetHistogramCount(), delay.GetHistogramSum()));
        var lag = Assert.Single(telemetry.Points("releasewatch.capture.lag", ("releasewatch.org.id", app.OrgId)));
        Assert.Equal((2, 4.0), (lag.GetHistogramCount(), lag.GetHistogramSum()));
        foreach (var phase in new[] { "Pending", "Watching", "Responding" })
        {
            Assert.True(telemetry.Points("releasewatch.watches", ("releasewatch.watch.phase", phase)).Sum(p => p.GetSumLong()) >= 1, phase);
        }

        Assert.NotEmpty(telemetry.Points("releasewatch.outbox.age", ("releasewatch.outbox.kind", "command"), ("releasewatch.outbox.outcome", "sent")));

        // The same telemetry leaves through OTLP (http/protobuf) to the configured collector.
        services.GetRequiredService<TracerProvider>().ForceFlush();
        await Eventually.WaitUntilAsync(() => Task.FromResult(collector.Received("/v1/traces", watchId) && collector.Received("/v1/metrics", metric)),
            TimeSpan.FromSeconds(30), "the watch's spans and metrics at the OTLP collector");
    }

    private static Task ConnectedAsync(IServiceProvider services, ReleaseWatchApp app) =>
        services.GetRequiredService<StreamStateStore>().ReportAsync(app.OrgId, Channel, StreamState.Connected, null, app.Time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);

    /// <summary>12 Nebula Logger errors that happened 2 s before they arrive, through capture as Salesforce would deliver them.</summary>
    private static async Task CaptureErrorsAsync(IServiceProvider services, ReleaseWatchApp app, int firstReplayId)
    {
        var happened = app.Time.GetUtcNow().AddSeconds(-2);
        var messages = Enumerable.Range(firstReplayId, 12).Select(replayId => new JsonObject
        {
            ["channel"] = Channel,
            ["data"] = new JsonObject
            {
                ["schema"] = "traced",
                ["payload"] = new JsonObject { ["LoggingLevel__c"] = "ERROR", ["Message__c"] = "boom", ["CreatedDate"] = happened.ToString("O") },
                ["event"] = new JsonObject { ["replayId"] = (long)replayId },
            },
        }).ToList();
        await services.GetRequiredService<SignalBatchProcessor>().ProcessAsync(app.OrgId, SignalClassifier.For(app.OrgId, []), messages, CancellationToken.None);
    }
}
