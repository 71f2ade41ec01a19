namespace ReleaseWatch.Scenarios;

/// <summary>
/// The spans a recording must cover around its deployment: the baseline window before it and the watch
/// window after it (a recording adds a few minutes either side). Take them from the policy under test.
/// </summary>
public sealed record ScenarioSpan(TimeSpan Baseline, TimeSpan Watch)
{
    public static ScenarioSpan Default { get; } = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(60));
}
