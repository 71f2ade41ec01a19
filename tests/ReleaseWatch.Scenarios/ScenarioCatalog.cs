namespace ReleaseWatch.Scenarios;

/// <summary>Every kind of release the scenario benchmark generates, incidents first.</summary>
public static class ScenarioCatalog
{
    private static readonly OrgSize[] AnySize = [OrgSize.Quiet, OrgSize.Medium, OrgSize.Busy];
    private static readonly OrgSize[] NotQuiet = [OrgSize.Medium, OrgSize.Busy];

    public static IReadOnlyList<ScenarioType> All { get; } =
    [
        new("error-spike", true, "a new or chronic exception at 10-40/min, mostly from the first minute, sometimes from a path used later", NotQuiet, DeploySlot.Any, IncidentShapes.ErrorSpike),
        new("slow-error-creep", true, "a new exception growing from 0 to 8-20/min over 20-45 minutes", AnySize, DeploySlot.Any, IncidentShapes.SlowErrorCreep),
        new("business-drop-to-zero", true, "records of the org's main object stop being created (no error logged)", NotQuiet, DeploySlot.Any, IncidentShapes.BusinessDropToZero),
        new("business-drop-partial", true, "records of the org's main object are created at 20-40% of the usual rate (no error logged)", NotQuiet, DeploySlot.Any, IncidentShapes.BusinessDropPartial),
        new("silent-log-stream", true, "the logging stream stays connected but delivers nothing: errors and info logs vanish", AnySize, DeploySlot.Any, IncidentShapes.SilentLogStream),
        new("new-exception-quiet-org", true, "a new exception at 3-6/min on an org with fewer than 20 errors an hour", [OrgSize.Quiet], DeploySlot.Any, IncidentShapes.NewException),
        new("new-exception-busy-org", true, "a new exception at 3-6/min among 2-8/min of bursty chronic errors", [OrgSize.Busy], DeploySlot.Any, IncidentShapes.NewException),
        new("batch-apex-failures", true, "a batch class fails its chunks (BatchApexErrorEvent), in one long run or every scheduled run", AnySize, DeploySlot.Any, IncidentShapes.BatchApexFailures),
        new("bursty-noise", false, "overdispersed chronic errors with bursts of 8-12 in the baseline as in the watch", NotQuiet, DeploySlot.Any, HealthyShapes.BurstyNoise),
        new("diurnal-ramp", false, "deployed as the working day ramps up: every stream grows 2-3x over the watch", AnySize, DeploySlot.MorningRamp, HealthyShapes.DiurnalRamp),
        new("stray-errors", false, "a few one-off errors of kinds the baseline never had", AnySize, DeploySlot.Any, HealthyShapes.StrayErrors),
        new("warm-up-burst", false, "10-40 errors within 100 s of the deployment, then the usual traffic", AnySize, DeploySlot.Any, HealthyShapes.WarmupBurst),
        new("lunch-dip", false, "deployed just before lunch: records created by people fall to 35-70%", NotQuiet, DeploySlot.Lunch, HealthyShapes.LunchDip),
        new("quiet-org", false, "an org with fewer than 20 errors an hour and a few records a minute", [OrgSize.Quiet], DeploySlot.Any, HealthyShapes.QuietOrg),
    ];

    /// <summary>The type of that name; throws naming every known type otherwise.</summary>
    public static ScenarioType Get(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown scenario type '{name}'; known: {string.Join(", ", All.Select(t => t.Name))}", nameof(name));
}
