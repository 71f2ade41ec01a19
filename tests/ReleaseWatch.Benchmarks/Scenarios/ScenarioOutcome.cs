namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>
/// What the back-test decided for one labelled recording.
/// </summary>
/// <param name="Phase">The watch's final phase: Responding after a revert, Verified, Inconclusive, Watching if the recording ended first.</param>
/// <param name="RevertAfter">When the revert was decided, after the deployment; null when none was.</param>
/// <param name="RevertMetric">The metric whose breach sent the revert.</param>
/// <param name="RevertSignal">The signal that metric judged.</param>
/// <param name="Alerts">Alerts about a problem (breach, warning, command, source down; not verified or inconclusive), as kind:metric.</param>
/// <param name="Why">One line read from the back-test: the breach's reason, or how close the metrics came and the outcome.</param>
/// <param name="Printout">The whole back-test as the backtest command prints it, when asked for.</param>
internal sealed record ScenarioOutcome(
    string Phase,
    TimeSpan? RevertAfter,
    string? RevertMetric,
    string? RevertSignal,
    IReadOnlyList<string> Alerts,
    string Why,
    string? Printout)
{
    public bool Reverted => RevertAfter is not null;

    /// <summary>An alert about a problem that did not come with a revert (a warning, a source down).</summary>
    public bool AlertedOnly => !Reverted && Alerts.Count > 0;
}
