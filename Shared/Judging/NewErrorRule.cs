using System.Globalization;
using ReleaseWatch.Signals;
using static ReleaseWatch.Judging.JudgingText;

namespace ReleaseWatch.Judging;

/// <summary>
/// Judges a newErrors metric: an error fingerprint (<see cref="ErrorFingerprint"/>: exception type and location,
/// numbers and ids normalised) that the baseline never had, counted since warm-up ended, is new. It fails a check when
/// a new fingerprint is still recurring (it occurred in the checked span, the lookback) and has occurred more than
/// failWhen.above times since warm-up; "for" then asks it to keep recurring that long. A burst (one user, one
/// record, one minute) stays in the lookback for at most the lookback and a minute, so a "for" longer than that
/// never breaches on one burst; a one-off stray never reaches the count. Pure: the runtime passes the tallies in.
/// Inconclusive when no tallies were read, when the baseline's tally hit its scan limit or the baseline has a gap
/// ("never before" cannot be told), and on a silent stream instead of a pass.
/// </summary>
internal static class NewErrorRule
{
    /// <summary>How many new errors a judgement keeps as evidence, the most frequent first.</summary>
    public const int KeptErrors = 5;

    /// <summary>Sample messages kept per new error.</summary>
    public const int KeptSamples = 3;

    public static MetricJudgement Judge(MetricPolicy metric, MetricInputs inputs)
    {
        var above = metric.FailWhen.Above ?? 0;
        var threshold = Describe(above);
        var silent = StreamSilence.Find(inputs.Traffic, inputs.CheckedAt);
        var history = inputs.Errors;
        MetricJudgement Result(Verdict verdict, string reason, long observed = 0, IReadOnlyList<NewError>? found = null) => new(
            metric.Name, metric.Signal, verdict, verdict == Verdict.Inconclusive && history is null ? null : observed, 0, threshold,
            inputs.Observed.From, inputs.Observed.To, inputs.Baseline.From, inputs.Baseline.To, null, reason,
            observed, history?.Baseline.Counted ?? inputs.Baseline.Total, null, null,
            SilentStreams: silent.Count == 0 ? null : silent, NewErrors: found is { Count: > 0 } ? found : null);

        if (MetricJudge.SourceProblem(metric, inputs) is { } source)
        {
            return Result(source.Verdict, source.Reason);
        }

        if (history is null)
        {
            return Result(Verdict.Inconclusive, $"no error evidence of {metric.Signal} was read, so new errors cannot be told");
        }

        if (inputs.Baseline.Gaps.FirstOrDefault(g => Overlaps(g, inputs.Baseline.From, inputs.Baseline.To)) is { } gap)
        {
            return Result(Verdict.Inconclusive, $"the baseline is incomplete ({Gap(gap)}), so \"never before\" cannot be told");
        }

        if (!history.Baseline.Complete)
        {
            return Result(Verdict.Inconclusive, $"the baseline holds more {metric.Signal} evidence than one tally reads, so \"never before\" cannot be told");
        }

        var known = history.Baseline.Errors.Select(e => e.Fingerprint.Key).ToHashSet(StringComparer.Ordinal);
        var found = history.Watch.Errors
            .Where(e => !known.Contains(e.Fingerprint.Key) && e.LastAt >= inputs.Observed.From)
            .OrderByDescending(e => e.Count).ThenBy(e => e.FirstAt)
            .Take(KeptErrors)
            .Select(e => Of(e, history.Watch.Complete))
            .ToList();
        var worst = found.FirstOrDefault();
        var count = worst?.Count ?? 0;
        if (worst is not null && count > above)
        {
            var others = found.Count > 1 ? $" (and {found.Count - 1} more new error{(found.Count > 2 ? "s" : "")})" : "";
            return Result(Verdict.Failed, $"{Describe(worst)}{others}{SampleText(worst)}", count, found);
        }

        var seen = worst is null
            ? $"no error new since the baseline recurs in {metric.Signal}"
            : $"{Describe(worst)}: not more than {Number(above)} times";
        return silent.Count > 0
            ? Result(Verdict.Inconclusive, $"{seen}, but {string.Join("; ", silent.Select(StreamSilence.Describe))}", count, found)
            : Result(Verdict.Passed, seen, count, found);
    }

    /// <summary>The rule in words: "an error never seen in the baseline, recurring, more than 2 times since warm-up".</summary>
    public static string Describe(double above) => $"an error never seen in the baseline, still recurring, more than {Number(above)} times since warm-up";

    /// <summary>"System.NullPointerException in QuoteLineService.recalculate, 14 times since 10:06, never before".</summary>
    public static string Describe(NewError error) => string.Create(CultureInfo.InvariantCulture,
        $"{error.Label}, {(error.Complete ? "" : "at least ")}{error.Count} time{(error.Count == 1 ? "" : "s")} since {error.FirstAt.UtcDateTime:HH:mm}, never before");

    private static string SampleText(NewError error) =>
        error.Samples.Count == 0 ? "" : $"; e.g. \"{string.Join("\", \"", error.Samples)}\"";

    private static NewError Of(ErrorTally tally, bool complete)
    {
        var fingerprint = tally.Fingerprint;
        var samples = tally.Samples.Select(s => s.Message).Append(tally.Message)
            .OfType<string>().Select(m => m.Trim()).Where(m => m.Length > 0)
            .Select(m => m.Length > 200 ? m[..200] + "…" : m)
            .Distinct(StringComparer.Ordinal).Take(KeptSamples).ToList();
        return new NewError(fingerprint.Key, fingerprint.Label, tally.Count, tally.FirstAt, tally.LastAt, samples, complete);
    }
}
