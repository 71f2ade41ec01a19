using ReleaseWatch.Benchmarks.Capture;

// Dispatches on the first argument: `dotnet run --project tests/ReleaseWatch.Benchmarks -c Release -- capture`.
return args.FirstOrDefault() switch
{
    "capture" => await CaptureBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ReleaseWatch.Benchmarks capture [orgs=200]");
    return 2;
}
