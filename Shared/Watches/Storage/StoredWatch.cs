using Azure;

namespace ReleaseWatch.Watches.Storage;

/// <summary>A watch's state as stored, with the ETag a later update must match.</summary>
public sealed record StoredWatch(WatchState State, ETag ETag);
