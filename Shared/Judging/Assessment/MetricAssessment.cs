namespace ReleaseWatch.Judging.Assessment;

/// <summary>
/// The one place the limits of a policy are applied to a metric's verdicts over time: failure streaks and "for"
/// (<see cref="Record"/>), and what keeps a window from ending verified, inconclusiveLimit included
/// (<see cref="Conclude"/>). Pure: the decider and the back-test both use it, so both decide alike.
/// </summary>
internal static class MetricAssessment
{
    /// <summary>
    /// Records one check of a metric. A run of failures starts at a Failed check and is broken only by a Passed
    /// one; Inconclusive and Error checks inside it neither break it nor count as failures (a gap or an outage does
    /// not disprove a failure seen on both sides of it). Only a Failed check can breach, so missing data alone never
    /// does; a metric breaches once, when its run has held for <paramref name="holdFor"/> ("for"; zero: at once).
    /// </summary>
    public static AssessedCheck Record(MetricTrack track, Verdict verdict, DateTimeOffset at, TimeSpan holdFor)
    {
        var recovered = verdict != Verdict.Error && track.SourceDown;
        track = track with { LastVerdict = verdict, Checks = track.Checks + 1, SourceDown = track.SourceDown && !recovered };
        track = verdict switch
        {
            Verdict.Passed => track with { FailingSince = null },
            Verdict.Failed => track with { FailingSince = track.FailingSince ?? at, Failed = track.Failed + 1 },
            Verdict.Inconclusive => track with { Inconclusive = track.Inconclusive + 1 },
            _ => track with { Errors = track.Errors + 1, SourceDown = true },
        };

        var streak = verdict == Verdict.Failed && track.FailingSince is { } since
            ? new FailureStreak(since, at - since, at - since >= holdFor)
            : FailureStreak.None;
        var breaches = streak.Breached && !track.Breached;
        return new AssessedCheck(breaches ? track with { Breached = true } : track, streak, breaches, recovered);
    }

    /// <summary>
    /// Why the window cannot end verified, one reason per metric judged (observe-mode metrics do not count): never
    /// judged, its source down at the end, more Inconclusive or Error checks than inconclusiveLimit, or a critical
    /// failure still running unbreached. No reason: verified.
    /// </summary>
    public static WindowConclusion Conclude(Policy policy, IReadOnlyList<MetricTrack> tracks)
    {
        var judged = policy.Metrics.Where(m => m.Mode != MetricMode.Observe)
            .Select(m => (Metric: m, Track: tracks.FirstOrDefault(t => t.Metric == m.Name) ?? MetricTrack.New(m.Name)))
            .ToList();
        var reasons = new List<string>();
        foreach (var (metric, track) in judged)
        {
            if (track.Checks == 0)
            {
                reasons.Add($"'{metric.Name}' was never judged");
            }
            else if (track.LastVerdict == Verdict.Error)
            {
                reasons.Add($"'{metric.Name}' source is down");
            }
            else if (track.Inconclusive + track.Errors > policy.InconclusiveLimit)
            {
                reasons.Add($"'{metric.Name}' was inconclusive in {track.Inconclusive + track.Errors} of {track.Checks} checks (limit {policy.InconclusiveLimit})");
            }
            else if (track.FailingSince is not null && !track.Breached && metric.Severity == MetricSeverity.Critical)
            {
                reasons.Add($"'{metric.Name}' was still failing when the window ended");
            }
        }

        return new WindowConclusion(reasons, judged.Sum(j => j.Track.Checks));
    }
}

/// <summary>One check as the assessment saw it: the metric's track after it, its failure streak, and what changed.</summary>
/// <param name="Breaches">The streak has just held for "for": act on it now (a metric breaches once).</param>
/// <param name="SourceRecovered">The source was down and this check was not an Error: a later outage may alert again.</param>
internal sealed record AssessedCheck(MetricTrack Track, FailureStreak Streak, bool Breaches, bool SourceRecovered);

/// <summary>
/// A metric's current run of failures as of the latest check: Since = the first Failed check of the run (null when
/// the latest check did not fail), HeldFor = latest check − Since, Breached = the run has held for the metric's for.
/// </summary>
internal sealed record FailureStreak(DateTimeOffset? Since, TimeSpan HeldFor, bool Breached)
{
    public static FailureStreak None { get; } = new(null, TimeSpan.Zero, false);
}

/// <summary>The end of a window: why it is not verified (empty: verified) and how many checks were judged.</summary>
internal sealed record WindowConclusion(IReadOnlyList<string> Reasons, int Judgements)
{
    public bool Verified => Reasons.Count == 0;
}
