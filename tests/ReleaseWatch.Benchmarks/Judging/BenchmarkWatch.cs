using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Benchmarks.Judging;

/// <summary>One watch's inputs held in memory: per metric, the signal windows of its current check and its track after 10 checks.</summary>
internal sealed class BenchmarkWatch
{
    private static readonly DateTimeOffset DeployedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly List<(MetricPolicy Metric, MetricInputs Inputs, MetricTrack Track)> metrics = [];

    public static BenchmarkWatch Create(Policy policy, int seed)
    {
        var random = new Random(seed);
        var watch = new BenchmarkWatch();
        var now = DeployedAt.AddMinutes(20);
        foreach (var metric in policy.Metrics)
        {
            // Whole-minute spans as a check sees them: the lookback up to now, and the baseline before the deployment.
            var observedFrom = CheckSpans.Observed(policy, metric, DeployedAt, now).From;
            var baselineFrom = DeployedAt - policy.BaselineWindow;
            SignalWindow Counts(string signal, DateTimeOffset from, DateTimeOffset to, int perMinuteMax) =>
                new("00D000000000001AAA", signal, from, to,
                    Enumerable.Range(0, (int)(to - from).TotalMinutes).ToDictionary(m => from.AddMinutes(m), _ => (long)random.Next(perMinuteMax + 1)),
                    [new ChannelHealth("/event/Bench__e", StreamState.Connected, null, now, now, TimeSpan.Zero, null)], []);
            var ratio = metric.Denominator is { } denominator;
            var inputs = new MetricInputs(
                Counts(metric.Signal, observedFrom, now, 12),
                ratio ? Counts(metric.Denominator!, observedFrom, now, 400) : null,
                Counts(metric.Signal, baselineFrom, DeployedAt, 6),
                ratio ? Counts(metric.Denominator!, baselineFrom, DeployedAt, 400) : null,
                now,
                new StreamHealthOptions());
            // The metric's last 10 verdicts, as its track remembers them.
            var track = MetricTrack.New(metric.Name);
            for (var i = 0; i < 10; i++)
            {
                track = MetricAssessment.Record(track, (Verdict)random.Next(4), now.AddMinutes(i - 10), metric.For).Track;
            }

            watch.metrics.Add((metric, inputs, track));
        }

        return watch;
    }

    /// <summary>Judges every metric once and assesses its failure streak, as one check of the watch does.</summary>
    public IEnumerable<MetricJudgement> JudgeOnce()
    {
        foreach (var (metric, inputs, track) in metrics)
        {
            var judgement = MetricJudge.Judge(metric, inputs);
            _ = MetricAssessment.Record(track, judgement.Verdict, inputs.CheckedAt, metric.For);
            yield return judgement;
        }
    }
}
