using System.Text.Json.Serialization;

namespace ReleaseWatch.Signals;

/// <summary>How far the stream behind a signal can be trusted right now.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SignalSourceHealth>))]
public enum SignalSourceHealth
{
    /// <summary>Nothing known: no subscriber has reported for this org and signal.</summary>
    Unknown,
    /// <summary>Connected and delivering within the expected lag.</summary>
    Healthy,
    /// <summary>Connected, but events arrive late (the newest event is older than the lag limit).</summary>
    Lagging,
    /// <summary>Disconnected or failing: counts are not complete.</summary>
    Down,
}
