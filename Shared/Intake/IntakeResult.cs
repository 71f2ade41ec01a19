using ReleaseWatch.Watches;

namespace ReleaseWatch.Intake;

/// <summary>The outcome of a notice, with the watch when there is one.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome, WatchState? Watch, string? Detail);
