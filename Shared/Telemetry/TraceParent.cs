using System.Diagnostics;

namespace ReleaseWatch.Telemetry;

/// <summary>
/// A span's W3C trace context as text ("00-{trace id}-{span id}-{flags}"), the form stored with a watch and an
/// outbox row and put on command messages (application properties Diagnostic-Id and traceparent).
/// </summary>
internal static class TraceParent
{
    /// <summary>The application property the Azure SDKs and the Functions host read.</summary>
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    /// <summary>The W3C Trace Context name, for other consumers.</summary>
    public const string TraceParentProperty = "traceparent";

    public const string TraceStateProperty = "tracestate";

    /// <summary>The span's traceparent, or null without a span (telemetry off) or with a non-W3C id.</summary>
    public static string? Of(Activity? activity) => activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    public static ActivityContext? TryParse(string? traceParent, string? traceState = null) =>
        ActivityContext.TryParse(traceParent, traceState, out var context) ? context : null;

    /// <summary>The trace context a received message carries (traceparent, else Diagnostic-Id), if any.</summary>
    public static string? FromMessage(Func<string, object?> property) =>
        property(TraceParentProperty) as string ?? property(DiagnosticIdProperty) as string;

    /// <summary>The trace properties a message carries so that its consumer (a deploy agent) continues the current span's trace.</summary>
    public static IEnumerable<KeyValuePair<string, object>> MessageProperties(Activity? activity)
    {
        if (Of(activity) is not { } id)
        {
            yield break;
        }

        yield return new(DiagnosticIdProperty, id);
        yield return new(TraceParentProperty, id);
        if (!string.IsNullOrEmpty(activity!.TraceStateString))
        {
            yield return new(TraceStateProperty, activity.TraceStateString);
        }
    }
}
