using System.Diagnostics;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>Runs a command to completion (bicep, package.sh, the post-deployment script) and keeps its output.</summary>
public sealed record CommandRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public static async Task<CommandRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Peers.RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} ran longer than {timeout}.\n{await stderr}");
        }

        return new CommandRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    /// <summary>Output for a failure message.</summary>
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
