namespace ReleaseWatch.Scenarios;

/// <summary>
/// What broke: when it started, the signal a watch should see fail (null when the evidence is the stream
/// itself going quiet), and the channel that carries it.
/// </summary>
public sealed record ScenarioIncident(DateTimeOffset StartsAt, string? Signal, string Channel);
