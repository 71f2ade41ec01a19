using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ReleaseWatch.Tests.Telemetry;

/// <summary>
/// In-memory exporters added to the app's own OpenTelemetry providers. Listeners are process-wide, so other tests'
/// spans arrive here too: read by trace id, watch id or a name of this test's own.
/// </summary>
public sealed class ExportedTelemetry
{
    private readonly Locked<Activity> _spans = new();
    private readonly Locked<MetricSnapshot> _metrics = new();
    private readonly Locked<LogRecord> _logs = new();

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public IReadOnlyList<MetricSnapshot> Metrics => _metrics.Snapshot();

    public IReadOnlyList<LogRecord> Logs => _logs.Snapshot();

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(_logs));
    }

    /// <summary>Spans of one watch (tagged with its id).</summary>
    public IReadOnlyList<Activity> Of(string watchId, string operation) =>
        [.. Spans.Where(s => s.OperationName == operation && Equals(s.GetTagItem("releasewatch.watch.id"), watchId))];

    /// <summary>The points of a metric whose tags include all of <paramref name="tags"/> (the latest export: cumulative).</summary>
    public IReadOnlyList<MetricPoint> Points(string metric, params (string Key, string Value)[] tags)
    {
        var latest = Metrics.LastOrDefault(m => m.Name == metric);
        if (latest is null)
        {
            return [];
        }

        return [.. latest.MetricPoints.Where(p => tags.All(t => HasTag(p, t.Key, t.Value)))];
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A collection the exporters add to from their threads while the test reads it.</summary>
    private sealed class Locked<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public IReadOnlyList<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
