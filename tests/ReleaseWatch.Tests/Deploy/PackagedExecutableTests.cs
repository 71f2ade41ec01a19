using System.IO.Compression;
using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using ReleaseWatch.Tests.Hosting;
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

    [Fact]
    public async Task Unpacked_native_executable_takes_a_signed_deployment_and_answers_its_watch_an_abort_the_org_and_the_dashboard()
    {
        // Natively compiled code has no reflection: every JSON type, options binding and request delegate must have been
        // generated. This drives the paths a release manager's first minutes take, on the packaged executable itself.
        var root = Directory.CreateTempSubdirectory("package-native-");
        await using var azurite = new AzuritePeer();
        await azurite.InitializeAsync();
        try
        {
            ZipFile.ExtractToDirectory(package.ZipPath, root.FullName);
            var port = FreePort.Next();
            var org = ReleaseWatchApp.NewOrgId();
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_ROOT"] = root.FullName,
                ["ReleaseWatch__Urls"] = $"http://127.0.0.1:{port}",
                ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
                ["ReleaseWatch__Intake__SigningSecret"] = ReleaseWatchApp.Secret,
                ["ReleaseWatch__Orgs__0__Id"] = org,
                ["ReleaseWatch__Orgs__0__Name"] = "Acme Production",
                ["ReleaseWatch__Orgs__0__Environment"] = "production",
                ["ReleaseWatch__Watches__TickInterval"] = "00:00:01",
            };
            await using var process = PeerProcess.Start("native ReleaseWatch", Path.Combine(root.FullName, "ReleaseWatch"), [], environment, root.FullName);
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            // The executable runs on the real clock: deployments and signed actions are stamped with it.
            var clock = TimeProvider.System;

            using var accepted = await http.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("native"), clock.GetUtcNow(), org));
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"POST /api/deployments answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}\n{process.Output}");
            var summary = await accepted.JsonAsync();
            var watchId = summary.GetProperty("id").GetString()!;
            Assert.Equal("pending", summary.GetProperty("phase").GetString());

            using var refused = await http.SendAsync(Webhooks.Signed("/api/deployments", """{"deploymentId":"x"}"""));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("org", out _), "a bad notice is answered with its fields' errors");

            using var abort = await http.SendAsync(Webhooks.SignedAction($"/api/watches/{watchId}/actions", """{"action":"abort","actor":"ana@example.com","reason":"native check"}""", clock.GetUtcNow()));
            Assert.True(abort.StatusCode == HttpStatusCode.OK, $"the abort answered {(int)abort.StatusCode}: {await abort.Content.ReadAsStringAsync()}");

            using var record = await http.GetAsync(new Uri($"/api/watches/{watchId}", UriKind.Relative));
            var watch = await record.JsonAsync();
            Assert.Equal("cancelled", watch.GetProperty("summary").GetProperty("phase").GetString());
            var history = watch.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetProperty("type").GetString()).ToList();
            Assert.Equal(["deploymentReceived", "operatorActed"], history);

            using var signals = await http.GetAsync(new Uri($"/api/orgs/{org}/signals", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, signals.StatusCode);
            Assert.Equal(org, (await signals.JsonAsync()).GetProperty("orgId").GetString());

            using var page = await http.GetAsync(new Uri($"/watches/{watchId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(watchId, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}");

            // The ticker, the capture loop and the requests above ran natively without one failure logged.
            Assert.DoesNotMatch(@"\b(fail|crit): ", process.Output);
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
