namespace ReleaseWatch.Signals;

/// <summary>The reported state of one (org, channel) stream, its replay checkpoint and lag.</summary>
public sealed record ChannelHealth(
    string Channel,
    StreamState State,
    string? Detail,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NewestEventAt,
    TimeSpan? Lag,
    long? CheckpointReplayId);
