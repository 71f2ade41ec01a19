using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Outbox;

/// <summary>
/// Delivery of outbox rows, seen from outside: each attempt is a span that continues the trace of the step that
/// decided the row (a child of its span), and its age is measured when the attempt ends.
/// </summary>
internal static class OutboxTelemetry
{
    public const string KindTag = "releasewatch.outbox.kind";
    public const string OutcomeTag = "releasewatch.outbox.outcome";

    private static readonly Histogram<double> Age = ReleaseWatchTelemetry.Meter.CreateHistogram<double>(
        "releasewatch.outbox.age", "s",
        "Age of an outbox row (since its step was stored) when a delivery attempt ended, by kind (command, alert) and outcome (sent, retrying, failed).");

    /// <summary>A command is produced for a queue (the send inside carries this span's trace context); an alert goes to its channels.</summary>
    public static Activity? StartDelivery(OutboxItem item) =>
        ReleaseWatchTelemetry.StartChildOf(
                item.Kind == OutboxItemKind.Command ? "deliver command" : "deliver alert",
                item.TraceParent,
                item.Kind == OutboxItemKind.Command ? ActivityKind.Producer : ActivityKind.Internal)?
            .SetTag("releasewatch.watch.id", item.WatchId)
            .SetTag("releasewatch.outbox.item.id", item.ItemId)
            .SetTag("releasewatch.outbox.attempt", item.Attempts);

    /// <summary>How the attempt ended, on its span and in the age histogram.</summary>
    public static void Attempted(Activity? delivery, OutboxItem item, OutboxItemStatus status, string? error, DateTimeOffset now)
    {
        var outcome = status switch
        {
            OutboxItemStatus.Sent => "sent",
            OutboxItemStatus.Failed => "failed",
            _ => "retrying",
        };
        delivery?.SetTag(OutcomeTag, outcome);
        if (error is not null)
        {
            delivery.Failed(error);
        }

        Age.Record((now - item.CreatedAt).TotalSeconds,
            new KeyValuePair<string, object?>(KindTag, item.Kind == OutboxItemKind.Command ? "command" : "alert"),
            new KeyValuePair<string, object?>(OutcomeTag, outcome));
    }
}
