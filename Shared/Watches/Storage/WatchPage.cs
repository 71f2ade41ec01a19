namespace ReleaseWatch.Watches.Storage;

/// <summary>A page of watches and the token for the next one (null at the end).</summary>
public sealed record WatchPage(IReadOnlyList<WatchState> Watches, string? ContinuationToken);
