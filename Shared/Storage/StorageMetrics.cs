using System.Diagnostics.Metrics;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Storage;

/// <summary>
/// Table Storage requests as a metric: <see cref="CountingPolicy"/>, on every Table client the storage registration
/// builds, calls <see cref="Requested"/> once per request it sends.
/// </summary>
internal static class StorageMetrics
{
    private static readonly Counter<long> Requests = ReleaseWatchTelemetry.Meter.CreateCounter<long>(
        "releasewatch.storage.requests", "{request}", "Table Storage requests by table (releasewatch.storage.table) and operation (releasewatch.storage.operation).");

    public static void Requested(string table, string operation) => Requests.Add(1,
        new KeyValuePair<string, object?>("releasewatch.storage.table", table),
        new KeyValuePair<string, object?>("releasewatch.storage.operation", operation));
}
