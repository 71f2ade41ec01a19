namespace ReleaseWatch.Watches.Storage;

/// <summary>Another step updated the watch first (its ETag moved on): reload and decide again.</summary>
public sealed class WatchConcurrencyException(string watchId, Exception inner)
    : Exception($"Watch {watchId} was changed by another step; reload and decide again.", inner);
