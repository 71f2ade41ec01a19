namespace ReleaseWatch.Judging;

/// <summary>The spans one check of a metric reads: observed [ObservedFrom, ObservedTo) and baseline [BaselineFrom, BaselineTo).</summary>
public sealed record JudgingWindow(DateTimeOffset ObservedFrom, DateTimeOffset ObservedTo, DateTimeOffset BaselineFrom, DateTimeOffset BaselineTo)
{
    /// <summary>
    /// The spans for a check at <paramref name="now"/> of a deployment completed at <paramref name="deployedAt"/>,
    /// on whole minutes because signals are counted per minute: the observed span ends at the last whole minute
    /// (the current one is still filling), starts no earlier than the end of warm-up (rounded up) and covers the
    /// metric's lookback (or the whole watch so far); the baseline is the policy's baseline window before the
    /// deployment's minute. Before a whole minute has passed after warm-up the observed span is empty, which the
    /// judge reports as Inconclusive.
    /// </summary>
    public static JudgingWindow For(Policy policy, MetricPolicy metric, DateTimeOffset deployedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(metric);
        var to = Floor(now);
        var from = Ceiling(deployedAt + policy.Warmup);
        if (metric.EffectiveLookback(policy) is { } lookback && to - lookback > from)
        {
            from = to - lookback;
        }

        var baselineTo = Floor(deployedAt);
        return new JudgingWindow(from < to ? from : to, to, baselineTo - policy.BaselineWindow, baselineTo);
    }

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);

    private static DateTimeOffset Ceiling(DateTimeOffset at)
    {
        var floor = Floor(at);
        return floor == at ? at : floor.AddMinutes(1);
    }
}
