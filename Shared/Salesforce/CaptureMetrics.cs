using System.Diagnostics.Metrics;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Salesforce;

/// <summary>How far behind Salesforce capture runs, per org: the judge treats a stream past its LagLimit as Lagging.</summary>
internal static class CaptureMetrics
{
    private static readonly Histogram<double> Lag = ReleaseWatchTelemetry.Meter.CreateHistogram<double>(
        "releasewatch.capture.lag", "s",
        "Per stored batch and channel: from the newest counted event's time in Salesforce to its arrival here, by org (releasewatch.org.id).");

    public static void Stored(string orgId, DateTimeOffset receivedAt, IReadOnlyDictionary<string, DateTimeOffset> newestByChannel)
    {
        if (!Lag.Enabled)
        {
            return;
        }

        foreach (var newest in newestByChannel.Values)
        {
            Lag.Record(Math.Max(0, (receivedAt - newest).TotalSeconds), new KeyValuePair<string, object?>("releasewatch.org.id", orgId));
        }
    }
}
