namespace ReleaseWatch.Watches.Events;

/// <summary>An operator acted on the watch. <paramref name="Actor"/> is who said so (free text from the request).</summary>
public sealed record OperatorActed(OperatorActionKind Action, string Actor, TimeSpan? ExtendBy, string? Reason) : WatchEvent;
