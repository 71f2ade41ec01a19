using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReleaseWatch.Telemetry;

/// <summary>
/// The one ActivitySource and the one Meter of ReleaseWatch, both named <see cref="Name"/>. Shared only records
/// spans and measurements here; whether anything listens (an exporter) is decided in composition. Nothing listening
/// costs one check per call: StartActivity returns null and instruments report Enabled = false.
/// </summary>
public static class ReleaseWatchTelemetry
{
    /// <summary>"ReleaseWatch": the name to subscribe to (AddSource, AddMeter).</summary>
    public const string Name = "ReleaseWatch";

    private static readonly string? Version = typeof(ReleaseWatchTelemetry).Assembly.GetName().Version?.ToString();

    internal static ActivitySource Source { get; } = new(Name, Version);

    internal static Meter Meter { get; } = new(Name, Version);

    /// <summary>
    /// Starts a span that begins a trace of its own even inside another one (a ticker pass, a request that triggered
    /// it), linked to what triggered it. Call from an async method: the caller's current span comes back when it returns.
    /// </summary>
    internal static Activity? StartRoot(string name, ActivityKind kind = ActivityKind.Internal)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var trigger = Activity.Current;
        Activity.Current = null;
        return Source.StartActivity(name, kind, parentContext: default, links: trigger is null ? null : [new ActivityLink(trigger.Context)]);
    }

    /// <summary>Starts a span whose parent is the span stored as <paramref name="traceParent"/> (else the current one).</summary>
    internal static Activity? StartChildOf(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal) =>
        TraceParent.TryParse(traceParent) is { } parent
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);

    /// <summary>Marks a span failed with the reason, as OpenTelemetry's exporters expect.</summary>
    internal static void Failed(this Activity? activity, string reason) => activity?.SetStatus(ActivityStatusCode.Error, reason);
}
