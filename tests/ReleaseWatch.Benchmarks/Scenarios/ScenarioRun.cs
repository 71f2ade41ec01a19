using ReleaseWatch.Scenarios;

namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>One labelled recording and what the back-test decided for it.</summary>
internal sealed record ScenarioRun(ScenarioLabel Label, int Events, ScenarioOutcome Outcome)
{
    /// <summary>A revert after the incident began, for incidents; any revert, for healthy releases.</summary>
    public bool Reverted => Outcome.Reverted;

    public TimeSpan? AfterOnset => Outcome.RevertAfter is { } after && Label.Incident is { } incident
        ? after - (incident.StartsAt - Label.DeployedAt)
        : null;
}
