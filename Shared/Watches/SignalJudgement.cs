using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Watches;

/// <summary>Reads each metric's signals for a check and asks the judge: the I/O half of a judgement.</summary>
internal sealed class SignalJudgement(ISignalReader reader)
{
    public async Task<SignalsJudged> JudgeAsync(WatchState state, Policy policy, JudgementTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var org = state.Org.Id;
        var (baselineFrom, baselineTo) = JudgementWindows.Baseline(state, policy);
        var judgements = new List<MetricJudgement>(policy.Metrics.Count);
        foreach (var metric in policy.Metrics)
        {
            var (from, to) = JudgementWindows.Observed(state, policy, metric, now);
            var observed = await reader.ReadAsync(org, metric.Signal, from, to, cancellationToken);
            var baseline = await reader.ReadAsync(org, metric.Signal, baselineFrom, baselineTo, cancellationToken);
            SignalWindow? observedDenominator = null, baselineDenominator = null;
            if (metric.Measure == MetricMeasure.Ratio && metric.Denominator is { } denominator)
            {
                observedDenominator = await reader.ReadAsync(org, denominator, from, to, cancellationToken);
                baselineDenominator = await reader.ReadAsync(org, denominator, baselineFrom, baselineTo, cancellationToken);
            }

            judgements.Add(MetricJudge.Judge(metric, new MetricInputs(observed, observedDenominator, baseline, baselineDenominator)));
        }

        return new SignalsJudged(trigger, now, judgements);
    }
}
