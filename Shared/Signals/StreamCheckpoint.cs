namespace ReleaseWatch.Signals;

/// <summary>The last counted replay id of an (org, channel) and when it was saved.</summary>
internal sealed record StreamCheckpoint(long ReplayId, DateTimeOffset SavedAt);
