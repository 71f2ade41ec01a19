namespace ReleaseWatch.Scenarios;

/// <summary>
/// A kind of release the benchmark labels: an incident (the release broke something a watch must catch) or a
/// healthy release (nothing broke; the watch must not revert it). Its shape adds what makes it that kind.
/// </summary>
public sealed class ScenarioType
{
    internal ScenarioType(string name, bool isIncident, string description, OrgSize[] sizes, DeploySlot slot, Action<ScenarioBuilder> shape)
    {
        Name = name;
        IsIncident = isIncident;
        Description = description;
        Sizes = sizes;
        Slot = slot;
        Shape = shape;
    }

    public string Name { get; }

    public bool IsIncident { get; }

    public string Description { get; }

    internal IReadOnlyList<OrgSize> Sizes { get; }

    internal DeploySlot Slot { get; }

    internal Action<ScenarioBuilder> Shape { get; }

    public override string ToString() => Name;
}
