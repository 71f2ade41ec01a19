using System.Text.Json.Serialization;

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

/// <summary>How one org's channel subscription is doing, as its subscriber last reported.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StreamState>))]
public enum StreamState
{
    /// <summary>Subscribed and polling.</summary>
    Connected,
    /// <summary>Lost the connection or the session; handshaking again.</summary>
    Reconnecting,
    /// <summary>Repeated failures (auth refused, endpoint down).</summary>
    Failing,
    /// <summary>Stopped on purpose (pump window over, lease handed on).</summary>
    Stopped,
}
