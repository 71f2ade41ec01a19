namespace ReleaseWatch.Scenarios;

/// <summary>When in the org's local day a release goes out.</summary>
internal enum DeploySlot
{
    /// <summary>Whenever teams release: evenings most, then working hours, early mornings, nights.</summary>
    Any,
    /// <summary>06:45–08:15, as the working day ramps up.</summary>
    MorningRamp,
    /// <summary>11:35–12:10, just before lunch.</summary>
    Lunch,
}
