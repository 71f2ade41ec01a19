using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ReleaseWatch.Scenarios;

namespace ReleaseWatch.Benchmarks.Scenarios;

/// <summary>
/// scenarios [count=N] [seed=S] [type=a,b] [out=folder] [show=name]: generates N labelled recordings of every
/// scenario type, back-tests each with the built-in default policy and prints recall, delays, false reverts and
/// false alerts. out= keeps every recording, label and back-test printout; show= prints one scenario's back-test.
/// </summary>
internal static class ScenarioBenchmark
{
    private const string Usage = "usage: ReleaseWatch.Benchmarks scenarios [count=6] [seed=1] [type=error-spike,...] [out=folder] [show=error-spike-123456]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || arg[..equals] is not ("count" or "seed" or "type" or "out" or "show"))
            {
                Console.Error.WriteLine($"scenarios: unexpected argument '{arg}'.");
                Console.Error.WriteLine(Usage);
                return 2;
            }

            options[arg[..equals]] = arg[(equals + 1)..];
        }

        try
        {
            return options.TryGetValue("show", out var name) ? await ShowAsync(name, options.GetValueOrDefault("out")) : await RunAllAsync(options);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"scenarios: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static async Task<int> RunAllAsync(Dictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("count", "6"), CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var types = options.TryGetValue("type", out var names) ? [.. names.Split(',').Select(ScenarioCatalog.Get)] : ScenarioCatalog.All;
        var jobs = types.SelectMany(t => Enumerable.Range(0, count).Select(i => (Type: t, Seed: ScenarioSeeds.For(t, seed, i)))).ToList();
        var folder = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetTempPath(), $"releasewatch-scenarios-{Environment.ProcessId}");
        Console.WriteLine($"scenarios: {types.Count} types x {count} recordings (seed {seed}), back-tested with the built-in {ScenarioBacktest.Describe()}");

        var stopwatch = Stopwatch.StartNew();
        var runs = new ConcurrentDictionary<int, ScenarioRun>();
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, cancellationToken) =>
        {
            var recording = ScenarioGenerator.Generate(jobs[i].Type, jobs[i].Seed, ScenarioBacktest.Span);
            var outcome = await ScenarioBacktest.RunAsync(recording, folder, keepPrintout: options.ContainsKey("out"), cancellationToken);
            runs[i] = new ScenarioRun(recording.Label, recording.Lines.Count, outcome);
        });
        if (!options.ContainsKey("out"))
        {
            Directory.Delete(folder, recursive: true);
        }

        var ordered = runs.OrderBy(r => r.Key).Select(r => r.Value).ToList();
        Console.WriteLine(FormattableString.Invariant($"{ordered.Count} recordings ({ordered.Sum(r => r.Events):N0} events) generated and back-tested in {stopwatch.Elapsed.TotalSeconds:0.0} s{(options.TryGetValue("out", out var kept) ? $"; recordings, labels and back-tests in {kept}" : "")}"));
        Console.WriteLine();
        ScenarioReport.Print(ordered, Console.Out);
        return 0;
    }

    private static async Task<int> ShowAsync(string name, string? folder)
    {
        var recording = ScenarioGenerator.Generate(name, ScenarioBacktest.Span);
        var keep = folder is not null;
        folder ??= Path.Combine(Path.GetTempPath(), $"releasewatch-scenarios-{Environment.ProcessId}");
        var outcome = await ScenarioBacktest.RunAsync(recording, folder, keepPrintout: true, CancellationToken.None);
        if (!keep)
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine(recording.Label.ToJson());
        Console.WriteLine();
        Console.WriteLine(outcome.Printout);
        Console.WriteLine($"why: {outcome.Why}");
        return 0;
    }
}
