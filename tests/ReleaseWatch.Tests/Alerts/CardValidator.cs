using System.Diagnostics;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Alerts;

/// <summary>Runs tests/peers/validate-card.js (Microsoft's adaptivecards library) on a posted Teams message.</summary>
public static class CardValidator
{
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string json)
    {
        var info = new ProcessStartInfo("node", [RepoPaths.Of("tests", "peers", "validate-card.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Of("tests", "peers"),
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
