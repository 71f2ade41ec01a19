using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text.Json;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>The packaged executable, unpacked as the Functions host would, runs without a .NET install.</summary>
[Collection(DeploymentPackageCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class PackagedExecutableTests(DeploymentPackage package)
{
    [Fact]
    public async Task Unpacked_executable_starts_in_functions_mode_and_answers_the_host_readiness_probe()
    {
        var root = Directory.CreateTempSubdirectory("package-run-");
        try
        {
            ZipFile.ExtractToDirectory(package.ZipPath, root.FullName);
            var executable = Path.Combine(root.FullName, "ReleaseWatch");
            Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), "Unpacking lost the run bit.");
            var port = FreePort.Next();
            var environment = SampleSettings();
            environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Nothing from this machine's .NET install may be used: the package must carry its runtime.
            environment["DOTNET_ROOT"] = root.FullName;

            await using var process = PeerProcess.Start("packaged ReleaseWatch", executable, [], environment, root.FullName);
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            using var http = new HttpClient();
            using var probe = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));

            Assert.True(probe.IsSuccessStatusCode, $"GET / answered {(int)probe.StatusCode}.\n{process.Output}");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The sample settings, as the Functions host passes local.settings.json Values: environment variables.</summary>
    private static Dictionary<string, string> SampleSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace(":", "__", StringComparison.Ordinal), p => p.Value.ToString());
    }
}
