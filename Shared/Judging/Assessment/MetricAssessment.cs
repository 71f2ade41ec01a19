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
    /// does; a metric breaches once, when its run has held for <paramref name="holdFor"/> ("for"; zero: at once), or
    /// sooner when its run of decisive failures has held for <paramref name="decisiveFor"/>.
    /// </summary>
    /// <param name="silent">A stream feeding the signal was silent at this check.</param>
    /// <param name="decisive">This check failed with a p-value below the metric's decisive.significance.</param>
    /// <param name="decisiveFor">How long a run of decisive failures must hold to breach (decisive.for); null: only "for".</param>
    public static AssessedCheck Record(
        MetricTrack track, Verdict verdict, DateTimeOffset at, TimeSpan holdFor, bool silent = false, bool decisive = false, TimeSpan? decisiveFor = null)
    {
        var recovered = verdict != Verdict.Error && track.SourceDown;
        track = track with
        {
            LastVerdict = verdict, Checks = track.Checks + 1, SourceDown = track.SourceDown && !recovered, Silent = track.Silent + (silent ? 1 : 0),
        };
        track = verdict switch
        {
            Verdict.Passed => track with { FailingSince = null },
            Verdict.Failed => track with { FailingSince = track.FailingSince ?? at, Failed = track.Failed + 1 },
            Verdict.Inconclusive => track with { Inconclusive = track.Inconclusive + 1 },
            _ => track with { Errors = track.Errors + 1, SourceDown = true },
        };

        // A decisive run is broken by any check that is not a decisive failure (a marginal one included).
        track = track with { DecisiveSince = verdict == Verdict.Failed && decisive ? track.DecisiveSince ?? at : verdict == Verdict.Failed || verdict == Verdict.Passed ? null : track.DecisiveSince };
        var early = decisiveFor is { } soon && track.DecisiveSince is { } decisiveSince && verdict == Verdict.Failed && at - decisiveSince >= soon;
        var streak = verdict == Verdict.Failed && track.FailingSince is { } since
            ? new FailureStreak(since, at - since, at - since >= holdFor || early)
            : FailureStreak.None;
        var breaches = streak.Breached && !track.Breached;
        return new AssessedCheck(breaches ? track with { Breached = true } : track, streak, breaches, recovered);
    }

    /// <summary>
    /// Why the window cannot end verified, one reason per metric judged (observe-mode metrics do not count): never
    /// judged, its source down at the end, a silent stream feeding it at any check, more Inconclusive or Error checks than inconclusiveLimit, or a critical
    /// failure still running unbreached. No reason: verified.
    /// </summary>
    public static WindowConclusion Conclude(Policy policy, IReadOnlyList<MetricTrack> tracks)
    {
        // A template's members are concluded as they were judged; a family with no member judged is no reason by itself.
        var judged = policy.Metrics.Where(m => m.Mode != MetricMode.Observe && !MetricFamily.IsTemplate(m))
            .Select(m => (Metric: m, Track: tracks.FirstOrDefault(t => t.Metric == m.Name) ?? MetricTrack.New(m.Name)))
            .Concat(tracks.Where(t => policy.Metrics.All(m => m.Name != t.Metric))
                .Select(t => (Metric: MetricFamily.Find(policy, t.Metric)!, Track: t))
                .Where(m => m.Metric is not null && m.Metric.Mode != MetricMode.Observe))
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
            else if (track.Silent > 0)
            {
                reasons.Add($"'{metric.Name}' was fed by a silent stream in {track.Silent} of {track.Checks} checks");
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
