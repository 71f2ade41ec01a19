using System.Diagnostics;
using System.Globalization;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Benchmarks.Startup;

/// <summary>
/// Time to ready of the published package: publishes the linux-x64 executable as Functions/package.sh does (Native AOT
/// as the project sets it; <c>aot=false</c> publishes the JIT build, ReadyToRun, to compare), then starts it N times as the
/// Functions host would (FUNCTIONS_CUSTOMHANDLER_PORT) and times process start → first answer to the host's readiness
/// probe (GET /); prints the median, and the resident memory at ready.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var native = !args.Contains("aot=false");
        var folder = Path.Combine(Path.GetTempPath(), $"rw-startup-{Guid.NewGuid():N}"[..24]);
        try
        {
            var publish = Stopwatch.StartNew();
            await PublishAsync(folder, native);
            Console.WriteLine($"startup: published ({(native ? "Native AOT" : "JIT, ReadyToRun")}) in {publish.Elapsed.TotalSeconds:N0} s to {folder}");
            await using var azurite = new AzuritePeer();
            await azurite.InitializeAsync();
            var measures = new List<(double Milliseconds, long RssMb, double CpuMilliseconds)>();
            for (var i = 0; i < runs; i++)
            {
                measures.Add(await StartOnceAsync(Path.Combine(folder, "ReleaseWatch"), azurite.ConnectionString));
            }

            var sorted = measures.Select(m => m.Milliseconds).Order().ToList();
            Console.WriteLine($"  ready (GET / answered) after {string.Join(", ", measures.Select(m => $"{m.Milliseconds:0}"))} ms: median {sorted[sorted.Count / 2]:0} ms");
            Console.WriteLine($"  CPU time of the process until ready (user + system; what the wall time is on an idle machine, less I/O waits): {string.Join(", ", measures.Select(m => $"{m.CpuMilliseconds:0}"))} ms: median {measures.Select(m => m.CpuMilliseconds).Order().ElementAt(measures.Count / 2):0} ms");
            Console.WriteLine($"  resident memory at ready: median {measures.Select(m => m.RssMb).Order().ElementAt(measures.Count / 2)} MB (load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores)");
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task PublishAsync(string folder, bool native)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", RepoPaths.Of("Functions"), "-c", "Release", "-r", "linux-x64", "--self-contained",
                "--artifacts-path", RepoPaths.Of("artifacts", "startup-build"), "-o", folder, "--nologo", "-v", "q", "-clp:ErrorsOnly",
                $"-p:PublishAot={(native ? "true" : "false")}", $"-p:PublishReadyToRun={(native ? "false" : "true")}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static async Task<(double Milliseconds, long RssMb, double CpuMilliseconds)> StartOnceAsync(string executable, string storage)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ReleaseWatch__Storage__ConnectionString"] = storage,
                ["ReleaseWatch__Intake__SigningSecret"] = "startup-benchmark-secret",
                ["ReleaseWatch__Orgs__0__Id"] = "00D5g000004SaLtEAK",
                ["ReleaseWatch__Orgs__0__Name"] = "Startup Org",
                ["ReleaseWatch__Orgs__0__Environment"] = "production",
            },
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = TimeSpan.FromSeconds(60);
            while (clock.Elapsed < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"ReleaseWatch exited with code {process.ExitCode} before it was ready.");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                    if (response.IsSuccessStatusCode)
                    {
                        var ready = clock.Elapsed.TotalMilliseconds;
                        return (ready, ResidentMegabytes(process.Id), CpuMilliseconds(process.Id));
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Yield();
            }

            throw new TimeoutException($"ReleaseWatch not ready after {deadline.TotalSeconds} s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>utime + stime of /proc/{pid}/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static long ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) ?? "VmRSS: 0 kB";
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
