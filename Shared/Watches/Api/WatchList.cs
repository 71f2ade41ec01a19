namespace ReleaseWatch.Watches.Api;

/// <summary>GET /api/watches: one page, and the link to the next.</summary>
public sealed record WatchList(IReadOnlyList<WatchSummary> Watches, string? Next);
