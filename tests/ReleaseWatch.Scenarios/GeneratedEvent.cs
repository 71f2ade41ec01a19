using System.Text.Json.Nodes;

namespace ReleaseWatch.Scenarios;

/// <summary>An event the org published: its channel, its own time and its payload. Replay ids and receipt come later, per channel.</summary>
internal sealed record GeneratedEvent(DateTimeOffset OccurredAt, string Channel, JsonObject Payload);
