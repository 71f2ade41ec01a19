using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>Applies a check's verdicts: the assessment tracks each metric's streak and "for", breaches are acted on, the next check is scheduled.</summary>
internal static class CheckStep
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
            var metric = MetricFamily.Find(policy, judgement.Metric);
            if (metric is null)
            {
                continue; // the policy no longer has this metric
            }

            var silent = judgement.SilentStreams ?? [];
            var assessed = MetricAssessment.Record(
                tracks.GetValueOrDefault(metric.Name) ?? MetricTrack.New(metric.Name), judgement.Verdict, judged.CheckedAt, metric.For, silent.Count > 0,
                decisive: judgement.Verdict == Verdict.Failed && judgement.PValue < metric.DecisiveSignificance, metric.DecisiveFor);
            foreach (var stream in silent)
            {
                // Once per stream for the watch: every signal it feeds is Inconclusive until it speaks again.
                context.Alert(AlertKind.StreamSilent, AlertSeverity.Warning, stream.Channel, $"Stream silent: {stream.Channel}",
                    $"{StreamSilence.Describe(stream)}; '{metric.Name}' cannot pass while it is silent.", [judgement]);
            }

            if (assessed.SourceRecovered)
            {
                context.Rearm(AlertKind.SourceDown, metric.Name);
            }

            if (judgement.Verdict == Verdict.Error)
            {
                // The source is down. Tell the platform owner once; never revert on missing data.
                context.Alert(AlertKind.SourceDown, metric.Severity == MetricSeverity.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
                    metric.Name, $"Signal source down: {metric.Signal}",
                    $"Cannot judge '{metric.Name}': {judgement.Reason}", [judgement]);
            }

            if (assessed.Breaches)
            {
                breaches.Add((metric, judgement));
            }

            tracks[metric.Name] = assessed.Track;
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
        var conclusion = MetricAssessment.Conclude(policy, state.Metrics);
        context.ClearTimers(WatchTimerKind.Check, WatchTimerKind.WindowEnd);
        if (conclusion.Verified)
        {
            context.State = context.State with { Phase = WatchPhase.Verified, Outcome = $"Verified: the window passed clean ({conclusion.Judgements} judgements)." };
            context.Alert(AlertKind.Verified, AlertSeverity.Info, null, $"Release {state.Deployment.Release.Version} verified", context.State.Outcome, []);
            return;
        }

        var deadline = context.Now + policy.DecisionDeadline;
        context.SetTimer(WatchTimerKind.DecisionDeadline, deadline);
        context.State = context.State with
        {
            Phase = WatchPhase.Inconclusive,
            DecisionDeadlineAt = deadline,
            Outcome = $"Inconclusive: {string.Join("; ", conclusion.Reasons)}. Unless an operator acts by {deadline:u}, the policy's default applies ({policy.DefaultDecision}).",
        };
        context.Alert(AlertKind.Inconclusive, AlertSeverity.Warning, null, $"Release {state.Deployment.Release.Version} not verified", context.State.Outcome, []);
    }
}
