using System.Diagnostics.Metrics;
using ReleaseWatch.Storage;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Tests.Storage;

public sealed class StorageMetricsTests
{
    [Fact]
    public void A_counted_request_is_measured_by_table_and_operation_on_the_ReleaseWatch_meter()
    {
        var table = "t" + Guid.NewGuid().ToString("N")[..8];
        var measured = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReleaseWatchTelemetry.Name && instrument.Name == "releasewatch.storage.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var byKey = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(byKey.GetValueOrDefault("releasewatch.storage.table"), table))
            {
                lock (measured)
                {
                    measured.Add((value, byKey));
                }
            }
        });
        listener.Start();

        StorageMetrics.Requested(table, "query");

        var (count, tags) = Assert.Single(measured);
        Assert.Equal(1, count);
        Assert.Equal("query", tags["releasewatch.storage.operation"]);
    }
}
