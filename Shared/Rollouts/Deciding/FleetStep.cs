using System.Globalization;
using ReleaseWatch.Judging;

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

        var failed = judged.Judgements.Where(j => j.Verdict == Verdict.Failed).ToList();
        if (failed.Count == 0)
        {
            return RolloutDecider.Unchanged(state, judged, "The wave as a whole passed its fleet metrics.");
        }

        var context = new RolloutContext(state, now);
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
