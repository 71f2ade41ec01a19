using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>Builds a check's event: reads each metric's signal windows and asks the pure judge. The I/O half of a judgement.</summary>
internal sealed class CheckJudge(ISignalReader reader, IOptions<StreamHealthOptions> streams)
{
    public async Task<SignalsJudged> JudgeAsync(WatchState state, Policy policy, JudgementTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var org = state.Org.Id;
        var (baselineFrom, baselineTo) = CheckSpans.Baseline(policy, state.Anchor);
        // The windows are independent reads: issue them together, the judge then runs on each metric in order.
        var judgements = await Task.WhenAll(policy.Metrics.Select(async metric =>
        {
            var (from, to) = CheckSpans.Observed(policy, metric, state.Anchor, now);
            var observed = reader.ReadAsync(org, metric.Signal, from, to, cancellationToken);
            var baseline = reader.ReadAsync(org, metric.Signal, baselineFrom, baselineTo, cancellationToken);
            Task<SignalWindow>? observedDenominator = null, baselineDenominator = null;
            if (metric.Measure == MetricMeasure.Ratio && metric.Denominator is { } denominator)
            {
                observedDenominator = reader.ReadAsync(org, denominator, from, to, cancellationToken);
                baselineDenominator = reader.ReadAsync(org, denominator, baselineFrom, baselineTo, cancellationToken);
            }

            return MetricJudge.Judge(metric, new MetricInputs(
                await observed, observedDenominator is null ? null : await observedDenominator, await baseline, baselineDenominator is null ? null : await baselineDenominator,
                now, streams.Value));
        }));

        return new SignalsJudged(trigger, now, judgements);
    }
}
