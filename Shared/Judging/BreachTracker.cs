namespace ReleaseWatch.Judging;

/// <summary>
/// Decides whether a failure has held for a metric's for. A run starts at a Failed check and is broken only by
/// a Passed one. Inconclusive and Error checks inside a run neither break it nor count as failures: a gap or an
/// outage does not disprove a failure seen on both sides of it, and the latest check must itself be Failed, so
/// missing data alone never breaches.
/// </summary>
public static class BreachTracker
{
    /// <param name="previous">Earlier checks of the metric, in any order.</param>
    /// <param name="latest">The check just judged.</param>
    /// <param name="holdFor">The metric's for; zero breaches on the first Failed check.</param>
    public static FailureStreak Evaluate(IEnumerable<JudgementPoint> previous, JudgementPoint latest, TimeSpan holdFor)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(latest);
        if (latest.Verdict != Verdict.Failed)
        {
            return FailureStreak.None;
        }

        var since = latest.At;
        foreach (var point in previous.Where(p => p.At < latest.At).OrderByDescending(p => p.At))
        {
            if (point.Verdict == Verdict.Passed)
            {
                break;
            }

            if (point.Verdict == Verdict.Failed)
            {
                since = point.At;
            }
        }

        var heldFor = latest.At - since;
        return new FailureStreak(since, heldFor, heldFor >= holdFor);
    }

    /// <summary>The same over judgements, each placed at the end of its checked span.</summary>
    public static FailureStreak Evaluate(IEnumerable<MetricJudgement> previous, MetricJudgement latest, TimeSpan holdFor) =>
        Evaluate(previous.Select(At), At(latest), holdFor);

    private static JudgementPoint At(MetricJudgement judgement) => new(judgement.WindowTo, judgement.Verdict);
}
