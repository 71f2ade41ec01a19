namespace ReleaseWatch.Outbox;

/// <summary>The result of one delivery attempt: no error means accepted everywhere it was routed.</summary>
internal sealed record OutboxAttempt(string? Error, IReadOnlyList<string> DeliveredChannels);
