using System.Diagnostics;
using System.Globalization;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Benchmarks.Judging;

/// <summary>
/// In memory: how many watches per second the judge gets through when each watch judges 10 metrics (every
/// measure and rule kind) and checks each metric's failure streak against its last 10 judgements.
/// </summary>
internal static class JudgingBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var watchCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var policy = BenchmarkPolicy.Create();
        var watches = Enumerable.Range(0, watchCount).Select(i => BenchmarkWatch.Create(policy, i)).ToList();
        Console.WriteLine($"judge (in memory): {watchCount} watches x {policy.Metrics.Count} metrics, {seconds} s after a 1 s warm-up");

        Measure(watches, TimeSpan.FromSeconds(1));
        var (judged, elapsed, verdicts) = Measure(watches, TimeSpan.FromSeconds(seconds));

        var metrics = judged * policy.Metrics.Count;
        Console.WriteLine(FormattableString.Invariant($"watches judged/s: {judged / elapsed.TotalSeconds:N0}"));
        Console.WriteLine(FormattableString.Invariant($"metric judgements/s: {metrics / elapsed.TotalSeconds:N0} ({elapsed.TotalMilliseconds * 1e6 / metrics:N0} ns each, streak check included)"));
        Console.WriteLine($"verdicts: {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"))}");
        Console.WriteLine(FormattableString.Invariant($"gen0/gen1/gen2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, allocated: {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MiB"));
        return 0;
    }

    private static (long Judged, TimeSpan Elapsed, Dictionary<Verdict, long> Verdicts) Measure(IReadOnlyList<BenchmarkWatch> watches, TimeSpan duration)
    {
        var verdicts = new Dictionary<Verdict, long>();
        var stopwatch = Stopwatch.StartNew();
        long judged = 0;
        while (stopwatch.Elapsed < duration)
        {
            foreach (var watch in watches)
            {
                foreach (var judgement in watch.JudgeOnce())
                {
                    verdicts[judgement.Verdict] = verdicts.GetValueOrDefault(judgement.Verdict) + 1;
                }
            }

            judged += watches.Count;
        }

        return (judged, stopwatch.Elapsed, verdicts);
    }
}
