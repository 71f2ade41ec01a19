using System.Reflection;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// The Bicep CLI restored from the NuGet package Azure.Bicep.CommandLine.linux-x64 (its path is baked into
/// this assembly at build). Builds a copy of a template beside the test's bicepconfig.json: the repository's
/// top level holds no bicepconfig.json, and the linter reads the one nearest the template.
/// </summary>
public static class BicepCli
{
    public static string Path { get; } = FindBicep();

    public static async Task<CommandRun> BuildAsync(string template)
    {
        var work = Directory.CreateTempSubdirectory("bicep-");
        try
        {
            var copy = System.IO.Path.Combine(work.FullName, System.IO.Path.GetFileName(template));
            File.Copy(template, copy);
            File.Copy(Peers.RepoPaths.Of("tests", "ReleaseWatch.Tests", "Deploy", "bicepconfig.json"), System.IO.Path.Combine(work.FullName, "bicepconfig.json"));
            return await CommandRun.RunAsync(Path, ["build", copy, "--stdout"], TimeSpan.FromMinutes(2), workingDirectory: work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string FindBicep()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not where the Azure.Bicep.CommandLine.linux-x64 package put it ('{path}'). Restore the test project.");
        }

        // NuGet may extract the binary without its execute bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
