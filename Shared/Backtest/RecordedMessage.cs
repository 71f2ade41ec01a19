using System.Text.Json.Nodes;

namespace ReleaseWatch.Backtest;

/// <summary>One line of a recording: a Bayeux message as it was received for an org.</summary>
internal sealed record RecordedMessage(DateTimeOffset ReceivedAt, string OrgId, JsonObject Message);
