using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Telemetry;

/// <summary>How the executable's telemetry is switched on (by the exporters' own settings) and where it goes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryExportTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Without_an_exporter_setting_no_OpenTelemetry_provider_is_registered()
    {
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" });

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
    }

    [Theory]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=not-a-guid")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://127.0.0.1:4317")]
    public async Task A_malformed_exporter_setting_fails_at_start_naming_it(string setting, string value)
    {
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999", [setting] = value });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.StartsWith(setting + " must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_OTLP_protocol_fails_at_start_naming_the_setting()
    {
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/json",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.StartsWith("OTEL_EXPORTER_OTLP_PROTOCOL must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_Application_Insights_connection_string_a_watch_step_reaches_its_ingestion_endpoint()
    {
        await using var ingestion = TelemetryReceiver.Start();
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={ingestion.Url}",
            // The exporter's own options, under ReleaseWatch:Telemetry:AzureMonitor: every trace, nothing sent elsewhere.
            ["ReleaseWatch:Telemetry:AzureMonitor:TracesPerSecond"] = "",
            ["ReleaseWatch:Telemetry:AzureMonitor:SamplingRatio"] = "1",
            ["ReleaseWatch:Telemetry:AzureMonitor:EnableLiveMetrics"] = "false",
            ["ReleaseWatch:Telemetry:AzureMonitor:DisableOfflineStorage"] = "true",
        });

        using var response = await app.CreateClient().PostSignedAsync(Webhooks.Notice("dep-insights", app.Time.GetUtcNow(), app.OrgId));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var watchId = (await response.JsonAsync()).GetProperty("id").GetString()!;

        await Eventually.WaitUntilAsync(() =>
        {
            app.Services.GetRequiredService<TracerProvider>().ForceFlush();
            return Task.FromResult(ingestion.Received("/v2.1/track", watchId) && ingestion.Received("/v2.1/track", "watch start"));
        }, TimeSpan.FromSeconds(30), "the watch's first step at the Application Insights ingestion endpoint");
    }
}
