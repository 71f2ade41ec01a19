namespace ReleaseWatch.Judging;

/// <summary>
/// A metric's current run of failures: Since = the first Failed check of the run (null when the latest check
/// did not fail), HeldFor = latest check − Since, Breached = the run has held for the metric's for.
/// </summary>
public sealed record FailureStreak(DateTimeOffset? Since, TimeSpan HeldFor, bool Breached)
{
    public static FailureStreak None { get; } = new(null, TimeSpan.Zero, false);
}
