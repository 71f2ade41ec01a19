using System.Globalization;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>Fleet-level judgement: the wave's summed signals, and the share of its orgs failing.</summary>
internal static class FleetStep
{
    public static RolloutDecision Apply(RolloutState state, WaveJudged judged, DateTimeOffset now)
    {
        if (judged.Wave != state.Current || state.Phase != RolloutPhase.Baking)
        {
            return RolloutDecider.Unchanged(state, judged, $"Wave {judged.Wave + 1} is not baking; its fleet judgement moves nothing.");
        }

        // Each fleet metric's failures are held to its "for", exactly as a watch holds an org's (MetricAssessment).
        var tracks = (state.Wave.FleetTracks ?? []).ToDictionary(t => t.Metric, StringComparer.Ordinal);
        var failed = new List<Judging.MetricJudgement>();
        foreach (var judgement in judged.Judgements)
        {
            var hold = judged.Holds?.FirstOrDefault(h => h.Metric == judgement.Metric)?.For ?? TimeSpan.Zero;
            var assessed = MetricAssessment.Record(tracks.GetValueOrDefault(judgement.Metric) ?? MetricTrack.New(judgement.Metric), judgement.Verdict, now, hold);
            tracks[judgement.Metric] = assessed.Track;
            if (assessed.Breaches)
            {
                failed.Add(judgement);
            }
        }

        if (failed.Count == 0)
        {
            var failing = judged.Judgements.Where(j => j.Verdict == Verdict.Failed).Select(j => j.Metric).ToList();
            var before = (state.Wave.FleetTracks ?? []).ToDictionary(t => t.Metric, t => t.FailingSince, StringComparer.Ordinal);
            if (tracks.Values.All(t => before.GetValueOrDefault(t.Metric) == t.FailingSince))
            {
                // No run of failures began or ended: nothing to keep (a healthy wave writes nothing per check).
                return RolloutDecider.Unchanged(state, judged, failing.Count == 0
                    ? "The wave as a whole passed its fleet metrics."
                    : $"Fleet metric(s) {string.Join(", ", failing)} still failing, not yet for their 'for'.");
            }

            var held = new RolloutContext(state, now);
            held.Wave(state.Current, w => w with { FleetTracks = [.. tracks.Values] });
            held.Note(failing.Count == 0
                ? "The wave as a whole passed its fleet metrics."
                : $"Fleet metric(s) {string.Join(", ", failing)} failing, not yet for their 'for'.");
            return held.Decide(judged);
        }

        var context = new RolloutContext(state, now);
        context.Wave(state.Current, w => w with { FleetTracks = [.. tracks.Values] });
        var what = string.Join("; ", failed.Select(j => string.Create(CultureInfo.InvariantCulture,
            $"{j.Metric} summed over the wave's orgs: observed {j.Observed:0.##} against {j.Threshold} ({j.Reason})")));
        RolloutDecider.Halt(context, $"fleet-level breach: {what}.");
        return context.Decide(judged);
    }

    /// <summary>The reason the wave fails when more than its fleet rule's share of orgs is failing; null otherwise.</summary>
    public static string? FailingShareExceeded(WaveState wave, IReadOnlyList<WaveOrg> counted)
    {
        if (wave.Fleet?.MaxFailingShare is not { } limit || counted.Count == 0)
        {
            return null;
        }

        var failing = counted.Count(o => o.Standing is OrgStanding.Breached or OrgStanding.NotVerified);
        var share = (double)failing / counted.Count;
        return share > limit + 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"fleet-level breach: {failing} of {counted.Count} orgs failing ({share:P0}), more than the {limit:P0} allowed.")
            : null;
    }
}
