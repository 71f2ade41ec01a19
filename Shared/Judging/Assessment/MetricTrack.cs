namespace ReleaseWatch.Judging.Assessment;

/// <summary>What a watch remembers of one metric between checks: enough to apply "for" and the limits.</summary>
/// <param name="FailingSince">When the current run of failed checks began; null when the last decisive check passed.</param>
/// <param name="Breached">The failure held for "for" and was acted on (or would have been, in observe mode).</param>
/// <param name="SourceDown">The last check was an Error (source unhealthy); an alert was raised when it turned so.</param>
/// <param name="DecisiveSince">When the current run of decisive failed checks began (every p-value below decisive.significance).</param>
/// <param name="Silent">Checks at which a stream feeding the signal was silent: any keeps the window from ending verified.</param>
public sealed record MetricTrack(
    string Metric,
    Verdict? LastVerdict,
    DateTimeOffset? FailingSince,
    bool Breached,
    bool SourceDown,
    int Checks,
    int Failed,
    int Inconclusive,
    int Errors,
    int Silent = 0,
    DateTimeOffset? DecisiveSince = null)
{
    public static MetricTrack New(string metric) => new(metric, null, null, false, false, 0, 0, 0, 0);
}
