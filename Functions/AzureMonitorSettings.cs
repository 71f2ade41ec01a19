using System.Globalization;
using Azure.Monitor.OpenTelemetry.Exporter;

namespace ReleaseWatch.Functions;

/// <summary>
/// Applies ReleaseWatch:Telemetry:AzureMonitor:* to the exporter's options. Written out rather than bound: the exporter's
/// options carry Azure SDK types (credential, transport) compile-time binding cannot construct, and the native executable
/// has no reflection binder. A key the exporter does not have, or a value of the wrong type, stops the start naming it.
/// </summary>
internal static class AzureMonitorSettings
{
    public static void Apply(IConfigurationSection section, AzureMonitorExporterOptions options)
    {
        foreach (var setting in section.GetChildren())
        {
            var value = setting.Value;
            switch (setting.Key.ToUpperInvariant())
            {
                case "TRACESPERSECOND":
                    // Empty turns rate-limited sampling off, so SamplingRatio decides.
                    options.TracesPerSecond = string.IsNullOrWhiteSpace(value) ? null : Number(setting);
                    break;
                case "SAMPLINGRATIO":
                    options.SamplingRatio = (float)Number(setting);
                    break;
                case "ENABLELIVEMETRICS":
                    options.EnableLiveMetrics = Flag(setting);
                    break;
                case "ENABLESTANDARDMETRICS":
                    options.EnableStandardMetrics = Flag(setting);
                    break;
                case "ENABLEPERFORMANCECOUNTERS":
                    options.EnablePerformanceCounters = Flag(setting);
                    break;
                case "ENABLETRACEBASEDLOGSSAMPLER":
                    options.EnableTraceBasedLogsSampler = Flag(setting);
                    break;
                case "DISABLEOFFLINESTORAGE":
                    options.DisableOfflineStorage = Flag(setting);
                    break;
                case "STORAGEDIRECTORY":
                    options.StorageDirectory = value;
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{setting.Path} is not an Azure Monitor exporter setting (README lists them: TracesPerSecond, SamplingRatio, EnableLiveMetrics, EnableStandardMetrics, EnablePerformanceCounters, EnableTraceBasedLogsSampler, DisableOfflineStorage, StorageDirectory).");
            }
        }
    }

    private static double Number(IConfigurationSection setting) =>
        double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"{setting.Path} must be a number (got '{setting.Value}').");

    private static bool Flag(IConfigurationSection setting) =>
        bool.TryParse(setting.Value, out var flag)
            ? flag
            : throw new InvalidOperationException($"{setting.Path} must be true or false (got '{setting.Value}').");
}
