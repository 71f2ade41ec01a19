using Azure;

namespace ReleaseWatch.Watches.Storage;

/// <summary>A timer row claimed by this ticker (its ETag proves the claim).</summary>
public sealed record DueTimer(string WatchId, WatchTimer Timer, string RowKey, ETag ETag);
