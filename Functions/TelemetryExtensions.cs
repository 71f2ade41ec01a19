using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Functions;

/// <summary>
/// OpenTelemetry for the executable: ReleaseWatch's spans and metrics (and the Service Bus SDK's spans, the HTTP
/// requests it serves, its logs with their trace ids) exported to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING
/// is set and to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is; both if both. Neither: nothing is registered, nothing listens.
/// </summary>
internal static class TelemetryExtensions
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string AzureMonitorOptionsSection = "ReleaseWatch:Telemetry:AzureMonitor";

    /// <summary>Service Bus's spans come from ActivitySources the Azure SDK marks experimental; this switch turns them on.</summary>
    private const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    public static WebApplicationBuilder AddReleaseWatchTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var azureMonitor = configuration[AzureMonitorSetting];
        var otlp = configuration[OtlpEndpointSetting];
        if (string.IsNullOrWhiteSpace(azureMonitor) && string.IsNullOrWhiteSpace(otlp))
        {
            return builder;
        }

        Validate(azureMonitor, otlp, configuration[OtlpProtocolSetting]);
        // Read once by the Azure SDK, when its first client is created: before any is.
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] ?? "releasewatch",
                serviceVersion: typeof(ReleaseWatchTelemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(ReleaseWatchTelemetry.Name, "Azure.Messaging.ServiceBus.*")
                // The host's readiness probe (GET /) every few seconds is not worth a trace.
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => context.Request.Path != "/";
                    o.EnrichWithHttpRequest = Sources.PathKeyRedaction.Redact;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(ReleaseWatchTelemetry.Name)
                .AddAspNetCoreInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true);
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Endpoint, protocol, headers and per-signal endpoints come from the standard OTEL_EXPORTER_OTLP_* settings.
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(azureMonitor))
        {
            // The exporter's own options (SamplingRatio, TracesPerSecond: 5 by default, EnableLiveMetrics, ...) may be set
            // under ReleaseWatch:Telemetry:AzureMonitor.
            telemetry.UseAzureMonitorExporter(o =>
            {
                AzureMonitorSettings.Apply(configuration.GetSection(AzureMonitorOptionsSection), o);
                o.ConnectionString = azureMonitor;
            });
        }

        return builder;
    }

    private static void Validate(string? azureMonitor, string? otlp, string? protocol)
    {
        if (!string.IsNullOrWhiteSpace(azureMonitor) && !HasInstrumentationKey(azureMonitor))
        {
            throw new InvalidOperationException(
                $"{AzureMonitorSetting} must be an Application Insights connection string, InstrumentationKey=<guid>;IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/;… (the resource's Overview shows it).");
        }

        if (!string.IsNullOrWhiteSpace(otlp) &&
            !(Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            throw new InvalidOperationException($"{OtlpEndpointSetting} must be an http:// or https:// URL, e.g. http://127.0.0.1:4317 (gRPC) or http://127.0.0.1:4318 (http/protobuf).");
        }

        if (!string.IsNullOrWhiteSpace(protocol) && protocol is not ("grpc" or "http/protobuf"))
        {
            throw new InvalidOperationException($"{OtlpProtocolSetting} must be grpc (the default) or http/protobuf.");
        }
    }

    private static bool HasInstrumentationKey(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Any(kv => kv.Length == 2 && kv[0].Trim().Equals("InstrumentationKey", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(kv[1].Trim(), out _));
}
