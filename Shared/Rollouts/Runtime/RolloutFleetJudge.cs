using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// Fleet-level judgement, the I/O half: reads each deployed org's signal windows for every metric of the wave's fleet
/// policy, sums them minute by minute into one window for the wave, and asks the watch's own judge.
/// </summary>
internal sealed class RolloutFleetJudge(ISignalReader reader, PolicyCatalog policies, IOptions<StreamHealthOptions> streams, TimeProvider time)
{
    public async Task<WaveJudged?> JudgeAsync(RolloutState state, CancellationToken cancellationToken)
    {
        var wave = state.Wave;
        if (state.Phase != RolloutPhase.Baking || wave.Fleet?.Policy is not { } name || !policies.TryGet(name, out var policy) || wave.DeployedAt is not { } anchor)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now < CheckSpans.JudgedFrom(policy, anchor))
        {
            return null; // the fleet policy's warm-up: deployment bursts summed over the wave are not a breach
        }

        var orgs = wave.Orgs.Where(o => o.Standing != OrgStanding.Skipped).Select(o => o.Org.Id).ToList();
        var (baselineFrom, baselineTo) = CheckSpans.Baseline(policy, anchor);
        var judgements = new List<MetricJudgement>();
        foreach (var metric in policy.Metrics)
        {
            var (from, to) = CheckSpans.Observed(policy, metric, anchor, now);
            var observed = await SumAsync(orgs, metric.Signal, from, to, cancellationToken);
            var baseline = await SumAsync(orgs, metric.Signal, baselineFrom, baselineTo, cancellationToken);
            SignalWindow? observedDenominator = null, baselineDenominator = null;
            if (metric.Measure == MetricMeasure.Ratio && metric.Denominator is { } denominator)
            {
                observedDenominator = await SumAsync(orgs, denominator, from, to, cancellationToken);
                baselineDenominator = await SumAsync(orgs, denominator, baselineFrom, baselineTo, cancellationToken);
            }

            judgements.Add(MetricJudge.Judge(metric, new MetricInputs(observed, observedDenominator, baseline, baselineDenominator, now, streams.Value)));
        }

        return new WaveJudged(state.Current, judgements, [.. policy.Metrics.Select(m => new FleetHold(m.Name, m.For))]);
    }

    private async Task<SignalWindow> SumAsync(IReadOnlyList<string> orgs, string signal, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var windows = await Task.WhenAll(orgs.Select(org => reader.ReadAsync(org, signal, from, to, cancellationToken)));
        return FleetWindow.Sum(windows, signal, from, to);
    }
}
