using System.Net;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>The pipeline step's signed posts (a deployment, then an operator action) are accepted by the running service (the real executable, standalone).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PostDeploymentLiveTests(AzuritePeer azurite)
{
    [Fact]
    public async Task The_post_deployment_script_starts_a_watch_and_a_signed_abort_from_it_cancels_the_watch_on_the_running_service()
    {
        var orgId = ReleaseWatchApp.NewOrgId();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = ReleaseWatchApp.Secret,
            ["ReleaseWatch__Orgs__0__Id"] = orgId,
            ["ReleaseWatch__Orgs__0__Name"] = "Live Org",
            ["ReleaseWatch__Orgs__0__Environment"] = "production",
        });
        var deploymentId = AzuritePeer.UniqueName("live");

        var run = await CommandRun.RunAsync("node",
            [RepoPaths.Of("Functions", "post-deployment.mjs"), "--url", service.BaseUrl, "--deployment-id", deploymentId, "--org-id", orgId,
             "--org-name", "Live Org", "--environment", "production", "--version", "3.1.0", "--previous-version", "3.0.2",
             "--commit", "abc1234", "--pipeline-name", "release", "--run-url", "https://ci.example.com/runs/7"],
            TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["RELEASEWATCH_SIGNING_SECRET"] = ReleaseWatchApp.Secret });

        Assert.True(run.ExitCode == 0, $"{run}\nservice:\n{service.Output}");
        using var client = new HttpClient();
        var watch = await client.GetAsync($"{service.BaseUrl}/api/watches/{WatchId.For(orgId, deploymentId)}");
        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);
        Assert.Contains("\"previousVersion\":\"3.0.2\"", await watch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var abort = await CommandRun.RunAsync("node",
            [RepoPaths.Of("Functions", "post-deployment.mjs"), "--mode", "action", "--url", service.BaseUrl, "--watch-id", WatchId.For(orgId, deploymentId),
             "--action", "abort", "--actor", "release-bot", "--reason", "pipeline cancelled"],
            TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["RELEASEWATCH_SIGNING_SECRET"] = ReleaseWatchApp.Secret });

        Assert.True(abort.ExitCode == 0, $"{abort}\nservice:\n{service.Output}");
        var aborted = await client.GetAsync($"{service.BaseUrl}/api/watches/{WatchId.For(orgId, deploymentId)}");
        Assert.Contains("\"phase\":\"cancelled\"", await aborted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
