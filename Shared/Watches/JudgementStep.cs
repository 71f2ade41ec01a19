using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Watches;

/// <summary>Applies a round of verdicts: tracks each metric's failure streak, breaches what held for "for", schedules the next check.</summary>
internal static class JudgementStep
{
    public static WatchDecision Apply(WatchState state, Policy policy, SignalsJudged judged, DateTimeOffset now)
    {
        if (!state.Phase.IsJudging())
        {
            // A nudge or late tick racing a decision that already ended the watching: nothing to do.
            return WatchDecider.Unchanged(state, judged, $"Judgement ignored: the watch is {state.Phase}.");
        }

        if (state.Phase == WatchPhase.Pending && judged.Trigger == JudgementTrigger.Nudge)
        {
            // Warm-up: errors right after an Apex deployment are expected (caches flushed); only the first check ends it.
            return WatchDecider.Unchanged(state, judged, "Nudge ignored during warm-up.");
        }

        var context = new DecisionContext(state with { Phase = WatchPhase.Watching }, now);
        var breaches = new List<(MetricPolicy Metric, MetricJudgement Judgement)>();
        var tracks = state.Metrics.ToDictionary(t => t.Metric, StringComparer.Ordinal);
        foreach (var judgement in judged.Judgements)
        {
            var metric = policy.Metrics.FirstOrDefault(m => m.Name == judgement.Metric);
            if (metric is null)
            {
                continue; // the policy no longer has this metric
            }

            var track = Track(context, metric, judgement, judged.CheckedAt, tracks.GetValueOrDefault(metric.Name) ?? MetricTrack.New(metric.Name));
            if (track.FailingSince is { } since && !track.Breached && judged.CheckedAt - since >= metric.For)
            {
                track = track with { Breached = true };
                breaches.Add((metric, judgement));
            }

            tracks[metric.Name] = track;
        }

        context.State = context.State with { Metrics = [.. tracks.Values] };
        foreach (var (metric, judgement) in breaches.OrderByDescending(b => b.Metric.Severity))
        {
            if (context.State.Phase.IsJudging())
            {
                BreachResponse.Apply(context, policy, metric, judgement);
            }
        }

        if (context.State.Phase.IsJudging())
        {
            Continue(context, policy, judged);
        }
        else
        {
            context.ClearTimers(WatchTimerKind.Check, WatchTimerKind.WindowEnd);
        }

        return context.Decide(judged);
    }

    private static MetricTrack Track(DecisionContext context, MetricPolicy metric, MetricJudgement judgement, DateTimeOffset at, MetricTrack track)
    {
        track = track with { LastVerdict = judgement.Verdict, Checks = track.Checks + 1 };
        if (judgement.Verdict != Verdict.Error && track.SourceDown)
        {
            track = track with { SourceDown = false };
            context.Rearm(AlertKind.SourceDown, metric.Name);
        }

        switch (judgement.Verdict)
        {
            case Verdict.Passed:
                return track with { FailingSince = null };
            case Verdict.Failed:
                return track with { FailingSince = track.FailingSince ?? at, Failed = track.Failed + 1 };
            case Verdict.Inconclusive:
                // Unknown proves neither recovery nor failure: the streak neither breaks nor grows a breach by itself.
                return track with { Inconclusive = track.Inconclusive + 1 };
            default:
                // Error: the source is down. Tell the platform owner once; never revert on missing data.
                context.Alert(AlertKind.SourceDown, metric.Severity == MetricSeverity.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
                    metric.Name, $"Signal source down: {metric.Signal}",
                    $"Cannot judge '{metric.Name}': {judgement.Reason}", [judgement]);
                return track with { Errors = track.Errors + 1, SourceDown = true };
        }
    }

    private static void Continue(DecisionContext context, Policy policy, SignalsJudged judged)
    {
        var state = context.State;
        if (judged.Trigger == JudgementTrigger.WindowEnd)
        {
            Conclude(context, policy);
            return;
        }

        if (judged.Trigger == JudgementTrigger.Check)
        {
            var next = judged.CheckedAt + policy.Interval;
            if (next < state.WindowEndsAt)
            {
                context.SetTimer(WatchTimerKind.Check, next);
            }
            else
            {
                context.ClearTimers(WatchTimerKind.Check);
            }
        }
    }

    private static void Conclude(DecisionContext context, Policy policy)
    {
        var state = context.State;
        var judged = policy.Metrics.Where(m => m.Mode != MetricMode.Observe).Select(m => (Metric: m, Track: state.Track(m.Name))).ToList();
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

        context.ClearTimers(WatchTimerKind.Check, WatchTimerKind.WindowEnd);
        if (reasons.Count == 0)
        {
            context.State = context.State with { Phase = WatchPhase.Verified, Outcome = $"Verified: the window passed clean ({judged.Sum(j => j.Track.Checks)} judgements)." };
            context.Alert(AlertKind.Verified, AlertSeverity.Info, null, $"Release {state.Deployment.Release.Version} verified", context.State.Outcome, []);
            return;
        }

        var deadline = context.Now + policy.DecisionDeadline;
        context.SetTimer(WatchTimerKind.DecisionDeadline, deadline);
        context.State = context.State with
        {
            Phase = WatchPhase.Inconclusive,
            DecisionDeadlineAt = deadline,
            Outcome = $"Inconclusive: {string.Join("; ", reasons)}. Unless an operator acts by {deadline:u}, the policy's default applies ({policy.DefaultDecision}).",
        };
        context.Alert(AlertKind.Inconclusive, AlertSeverity.Warning, null, $"Release {state.Deployment.Release.Version} not verified", context.State.Outcome, []);
    }
}
