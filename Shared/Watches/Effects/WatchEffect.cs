using System.Text.Json.Serialization;

namespace ReleaseWatch.Watches.Effects;

/// <summary>What a decision asks the world to do. Effects are data: the runner stores and carries them out.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendCommand), "sendCommand")]
[JsonDerivedType(typeof(RaiseAlert), "raiseAlert")]
public abstract record WatchEffect;
