namespace ReleaseWatch.Judging;

/// <summary>How a metric turns signal counts into the number its rules compare.</summary>
public enum MetricMeasure
{
    /// <summary>Events in the checked span. Its baseline is the baseline count scaled to the span's length.</summary>
    Count,

    /// <summary>Events per minute over the checked span.</summary>
    PerMinute,

    /// <summary>Events of the signal divided by events of the denominator signal over the same span.</summary>
    Ratio,
}
