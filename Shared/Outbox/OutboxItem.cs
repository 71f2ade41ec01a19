using System.Text.Json.Serialization;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Outbox;

/// <summary>
/// A decided command or alert waiting to be delivered. Written by the watch workflow in the same
/// entity-group transaction as the decision (row key "outbox-{ItemId}" in the watch's partition),
/// so a crash can never keep a decision and lose its command.
/// </summary>
/// <param name="WatchId">The watch's partition.</param>
/// <param name="ItemId">Deterministic per decision: the command id, or the alert id.</param>
/// <param name="DeliveredChannels">For alerts: channels that already accepted it (each channel fails alone).</param>
/// <param name="TraceParent">The W3C trace context of the step that decided it: its delivery continues that trace.</param>
public sealed record OutboxItem(
    string WatchId,
    string ItemId,
    OutboxItemKind Kind,
    ReleaseCommand? Command,
    Alert? Alert,
    OutboxItemStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    IReadOnlyList<string> DeliveredChannels,
    string? TraceParent = null)
{
    public static OutboxItem ForCommand(string watchId, ReleaseCommand command, DateTimeOffset at) =>
        new(watchId, command.CommandId, OutboxItemKind.Command, command, null, OutboxItemStatus.Pending, 0, at, null, null, []);

    public static OutboxItem ForAlert(string watchId, Alert alert, DateTimeOffset at) =>
        new(watchId, alert.AlertId, OutboxItemKind.Alert, null, alert, OutboxItemStatus.Pending, 0, at, null, null, []);
}

/// <summary>What an outbox row carries.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OutboxItemKind>))]
public enum OutboxItemKind
{
    /// <summary>A <see cref="Commands.ReleaseCommand"/> for the "release-commands" queue.</summary>
    Command,
    /// <summary>An <see cref="Alerts.Alert"/> for the alert channels.</summary>
    Alert,
}

/// <summary>Where an outbox row is in its delivery.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<OutboxItemStatus>))]
public enum OutboxItemStatus
{
    /// <summary>Decided, not yet accepted by the broker (or by every routed channel).</summary>
    Pending,
    /// <summary>Accepted; never sent again.</summary>
    Sent,
    /// <summary>Gave up after the retry budget; recorded in the watch's history.</summary>
    Failed,
}
