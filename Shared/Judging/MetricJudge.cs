using ReleaseWatch.Signals;
using static ReleaseWatch.Judging.JudgingText;

namespace ReleaseWatch.Judging;

/// <summary>
/// Judges one check of one metric: pure, no I/O, no clock. Order: a source that is down at the check's time is Error; unknown,
/// lagging or gapped over the checked span is Inconclusive; an undefined measure (less than a minute captured, ratio over a
/// zero denominator) is Inconclusive; then every failWhen condition must fail for Failed (AND, see
/// <see cref="MetricRule"/>). Missing data is never Passed, and neither is a pass while a stream feeding the signal is
/// silent (<see cref="StreamSilence"/>): that check is Inconclusive, while a failure still fails.
/// </summary>
internal static class MetricJudge
{
    public static MetricJudgement Judge(MetricPolicy metric, MetricInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(inputs);
        if (metric.Measure == MetricMeasure.NewErrors)
        {
            return NewErrorRule.Judge(metric, inputs);
        }

        var observedSpan = MeasuredSpan.Of(metric.Measure, inputs.Observed, inputs.ObservedDenominator);
        var baselineSpan = MeasuredSpan.Of(metric.Measure, inputs.Baseline, inputs.BaselineDenominator);
        // Against peers, the baseline is what the member would show had it moved as the rest of its family did.
        var scale = metric.AgainstPeers ? PeerScale.Of(inputs.Peers) : null;
        var baseline = (metric.Measure == MetricMeasure.Count
            ? (baselineSpan.Minutes > 0 && observedSpan.Minutes > 0 ? baselineSpan.Count * observedSpan.Minutes / baselineSpan.Minutes : null)
            : baselineSpan.Value) * (scale ?? 1);

        var silent = StreamSilence.Find(inputs.Traffic, inputs.CheckedAt);
        MetricJudgement Result(Verdict verdict, string threshold, CountTest? test, string reason) => new(
            metric.Name, metric.Signal, verdict, observedSpan.Value, baseline, threshold,
            inputs.Observed.From, inputs.Observed.To, inputs.Baseline.From, inputs.Baseline.To, test?.PValue, reason,
            observedSpan.Count, baselineSpan.Count, observedSpan.Denominator, baselineSpan.Denominator,
            ValueMeasures.IsValue(metric.Measure) ? observedSpan.Skipped : null,
            test?.Expected, test?.Dispersion, silent.Count == 0 ? null : silent);

        if (SourceProblem(metric, inputs) is { } source)
        {
            return Result(source.Verdict, FailWhenConditions.Describe(metric), null, source.Reason);
        }

        if (ValueMeasures.IsValue(metric.Measure) && observedSpan.Minutes > 0 && observedSpan.Count < ValueMeasures.MinSample(metric))
        {
            return Result(Verdict.Inconclusive, FailWhenConditions.Describe(metric), null,
                $"{metric.Signal} has {Sample(observedSpan)} in the checked span, fewer than minSample {ValueMeasures.MinSample(metric)}");
        }

        if (observedSpan.Value is not { } observed)
        {
            var why = observedSpan.Minutes < 1
                ? "the checked span holds less than a minute yet"
                : $"no {metric.Denominator} events in the checked span, so the ratio is undefined";
            return Result(Verdict.Inconclusive, FailWhenConditions.Describe(metric), null, why);
        }

        var outcomes = FailWhenConditions.Evaluate(metric, inputs, observed, observedSpan, baselineSpan, baseline, out var test, scale ?? 1);
        var threshold = string.Join(" and ", outcomes.Select(o => o.Description));
        var at = ValueMeasures.IsValue(metric.Measure)
            ? $"{metric.Signal} {Word(metric.Measure)} at {Value(metric.Measure, observed)} ({Sample(observedSpan)})"
            : $"{metric.Signal} at {Value(metric.Measure, observed)}";
        if (scale is { } s && s < 1)
        {
            at += $" (its {inputs.Peers!.Count} peer{(inputs.Peers.Count == 1 ? "" : "s")} at {Math.Round(s * 100):0}% of their baseline, so the baseline is scaled alike)";
        }
        var notJudged = outcomes.Where(o => o.Failing is null).ToList();
        var skipped = notJudged.Count == 0
            ? ""
            : "; not judged: " + string.Join("; ", notJudged.Select(o => $"{o.Description} ({o.Note})"));
        if (notJudged.Count > 0 && (!metric.FailWhen.IsAbsolute || notJudged.Count == outcomes.Count))
        {
            return Result(Verdict.Inconclusive, threshold, test, $"{at}{skipped}");
        }

        var holding = outcomes.FirstOrDefault(o => o.Failing == false);
        if (holding is null)
        {
            return Result(Verdict.Failed, threshold, test, $"{at} fails {string.Join(" and ", outcomes.Where(o => o.Failing == true).Select(o => o.Description))}{skipped}");
        }

        // A stream that delivers nothing would pass every error rule: its silence is no evidence of health.
        return silent.Count > 0
            ? Result(Verdict.Inconclusive, threshold, test, $"{at} is not {holding.Description}, but {string.Join("; ", silent.Select(StreamSilence.Describe))}")
            : Result(Verdict.Passed, threshold, test, $"{at} is not {holding.Description}{skipped}");
    }

    private static string Sample(MeasuredSpan span) =>
        $"{span.Count} value{(span.Count == 1 ? "" : "s")}" + (span.Skipped > 0 ? $", {span.Skipped} skipped" : "");

    private static string Word(MetricMeasure measure) => measure.ToString().ToLowerInvariant();

    internal static (Verdict Verdict, string Reason)? SourceProblem(MetricPolicy metric, MetricInputs inputs)
    {
        IReadOnlyList<SignalWindow> windows = inputs.ObservedDenominator is null
            ? [inputs.Observed]
            : [inputs.Observed, inputs.ObservedDenominator];
        var health = windows.Select(w => (Window: w, Health: SourceHealth.Of(w.Channels, inputs.CheckedAt, inputs.Streams))).ToList();
        if (health.FirstOrDefault(w => w.Health == SignalSourceHealth.Down).Window is { } down)
        {
            return (Verdict.Error, $"the source of {down.Signal} is down, so its counts are incomplete");
        }

        if (health.FirstOrDefault(w => w.Health == SignalSourceHealth.Unknown).Window is { } unknown)
        {
            return (Verdict.Inconclusive, $"no subscriber has reported for {unknown.Signal}");
        }

        if (health.FirstOrDefault(w => w.Health == SignalSourceHealth.Lagging).Window is { } lagging)
        {
            return (Verdict.Inconclusive, $"events for {lagging.Signal} arrive late");
        }

        var gap = windows.SelectMany(w => w.Gaps).FirstOrDefault(g => Overlaps(g, inputs.Observed.From, inputs.Observed.To));
        return gap is null ? null : (Verdict.Inconclusive, $"{Gap(gap)} overlaps the checked span");
    }
}
