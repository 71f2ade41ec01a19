using ReleaseWatch.Benchmarks.Capture;
using ReleaseWatch.Benchmarks.Intake;
using ReleaseWatch.Benchmarks.Judging;
using ReleaseWatch.Benchmarks.Latency;
using ReleaseWatch.Benchmarks.Rollouts;
using ReleaseWatch.Benchmarks.Scenarios;
using ReleaseWatch.Benchmarks.Startup;
using ReleaseWatch.Benchmarks.Watches;

// Benchmarks print numbers; they are not tests. Usage: dotnet run -c Release --project tests/ReleaseWatch.Benchmarks -- <name> [options]
return args.FirstOrDefault() switch
{
    "judge" => JudgingBenchmark.Run(args[1..]),
    "judge-azurite" => await StoredJudgingBenchmark.RunAsync(args[1..]),
    "capture" => await CaptureBenchmark.RunAsync(args[1..]),
    "accept" => await AcceptBenchmark.RunAsync(args[1..]),
    "startup" => await StartupBenchmark.RunAsync(args[1..]),
    "latency" => await LatencyBenchmark.RunAsync(args[1..]),
    "scenarios" => await ScenarioBenchmark.RunAsync(args[1..]),
    "misbehaving" => await MisbehavingBenchmark.RunAsync(args[1..]),
    "rollout" => await RolloutBenchmark.RunAsync(args[1..]),
    "leases" => await LeaseSpreadBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ReleaseWatch.Benchmarks judge [seconds=5] [watches=1000] | judge-azurite [seconds=10] [watches=50] [concurrency=1] | capture [orgs=200] [events=30000] | accept [deployments=1200] | startup [runs=5] [aot=false] | latency [breaches=20] | misbehaving [seconds=10] | rollout [orgs=500] [concurrency=16] | leases [orgs=500] [instances=3] | scenarios [count=6] [seed=1] [type=a,b] [out=folder] [show=name]");
    return 2;
}
