using ReleaseWatch.Benchmarks.Judging;

// Benchmarks print numbers; they are not tests. Usage: dotnet run -c Release --project tests/ReleaseWatch.Benchmarks -- <name> [options]
return args.FirstOrDefault() switch
{
    "judge" => JudgingBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ReleaseWatch.Benchmarks judge [seconds=5] [watches=1000]");
    return 2;
}
