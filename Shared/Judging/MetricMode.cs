namespace ReleaseWatch.Judging;

/// <summary>Staged trust: how far a metric's breach is allowed to reach.</summary>
public enum MetricMode
{
    /// <summary>A dry run: judged and recorded, acts on nothing.</summary>
    Observe,

    /// <summary>A breach alerts, but never sends a command.</summary>
    Alert,

    /// <summary>A breach does what onBreach says.</summary>
    Act,
}
