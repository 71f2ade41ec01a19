namespace ReleaseWatch.Judging;

/// <summary>How serious a breach of a metric is.</summary>
public enum MetricSeverity
{
    /// <summary>Alert and keep watching.</summary>
    Warning,

    /// <summary>Act on the breach and end watching early.</summary>
    Critical,
}
