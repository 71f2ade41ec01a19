using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Benchmarks.Judging;

/// <summary>One watch's inputs held in memory: per metric, the signal windows of its current check and its last 10 judgements.</summary>
internal sealed class BenchmarkWatch
{
    private static readonly DateTimeOffset DeployedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly List<(MetricPolicy Metric, MetricInputs Inputs, List<JudgementPoint> History)> metrics = [];

    public static BenchmarkWatch Create(Policy policy, int seed)
    {
        var random = new Random(seed);
        var watch = new BenchmarkWatch();
        var now = DeployedAt.AddMinutes(20);
        foreach (var metric in policy.Metrics)
        {
            var window = JudgingWindow.For(policy, metric, DeployedAt, now);
            SignalWindow Counts(string signal, DateTimeOffset from, DateTimeOffset to, int perMinuteMax) =>
                new("00D000000000001AAA", signal, from, to,
                    Enumerable.Range(0, (int)(to - from).TotalMinutes).ToDictionary(m => from.AddMinutes(m), _ => (long)random.Next(perMinuteMax + 1)),
                    SignalSourceHealth.Healthy, []);
            var ratio = metric.Denominator is { } denominator;
            var inputs = new MetricInputs(
                Counts(metric.Signal, window.ObservedFrom, window.ObservedTo, 12),
                ratio ? Counts(metric.Denominator!, window.ObservedFrom, window.ObservedTo, 400) : null,
                Counts(metric.Signal, window.BaselineFrom, window.BaselineTo, 6),
                ratio ? Counts(metric.Denominator!, window.BaselineFrom, window.BaselineTo, 400) : null);
            var history = Enumerable.Range(0, 10)
                .Select(i => new JudgementPoint(now.AddMinutes(i - 10), (Verdict)random.Next(4)))
                .ToList();
            watch.metrics.Add((metric, inputs, history));
        }

        return watch;
    }

    /// <summary>Judges every metric once and checks its failure streak, as one check of the watch does.</summary>
    public IEnumerable<MetricJudgement> JudgeOnce()
    {
        foreach (var (metric, inputs, history) in metrics)
        {
            var judgement = MetricJudge.Judge(metric, inputs);
            _ = BreachTracker.Evaluate(history, new JudgementPoint(judgement.WindowTo, judgement.Verdict), metric.For);
            yield return judgement;
        }
    }
}
