namespace ReleaseWatch.Watches.Api;

/// <summary>POST /api/watches/{id}/actions body: {"action": "abort" | "extend" | "approve-revert", "actor", "minutes"?, "reason"?}.</summary>
public sealed record OperatorActionRequest(string? Action, string? Actor, int? Minutes, string? Reason);
