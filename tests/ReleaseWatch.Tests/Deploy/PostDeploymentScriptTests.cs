using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Messaging.EventGrid;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>Functions/post-deployment.mjs, the pipeline step, run with node against an in-test receiver.</summary>
public sealed class PostDeploymentScriptTests
{
    private const string Secret = "a-signing-secret-of-at-least-32-characters";

    private static readonly string[] Deployment =
    [
        "--deployment-id", "0Af5g00000XyZabCAF",
        "--org-id", "00D5g000004ABCdEAF",
        "--org-name", "Zürich production ✓",
        "--environment", "production",
        "--version", "2.4.0",
        "--previous-version", "2.3.1",
        "--commit", "9f1c2e7",
        "--pipeline-name", "release",
        "--run-url", "https://ci.example.test/runs/42",
        "--completed-at", "2026-11-23T10:00:00Z",
    ];

    [Fact]
    public async Task Webhook_posts_the_native_body_signed_over_its_raw_bytes()
    {
        await using var receiver = await DeploymentReceiver.StartAsync();

        var run = await RunAsync(receiver.BaseUrl, [.. Deployment, "--policy", "production-default"], new() { ["RELEASEWATCH_SIGNING_SECRET"] = Secret, ["RELEASEWATCH_FUNCTION_KEY"] = "fn-key" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/api/deployments", request.Path);
        Assert.Equal($"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body))}", request.Headers["x-releasewatch-signature"]);
        Assert.Equal("fn-key", request.Headers["x-functions-key"]);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("0Af5g00000XyZabCAF", root.GetProperty("deploymentId").GetString());
        Assert.Equal("00D5g000004ABCdEAF", root.GetProperty("org").GetProperty("id").GetString());
        Assert.Equal("Zürich production ✓", root.GetProperty("org").GetProperty("name").GetString());
        Assert.Equal("production", root.GetProperty("org").GetProperty("environment").GetString());
        Assert.Equal("2.4.0", root.GetProperty("release").GetProperty("version").GetString());
        Assert.Equal("2.3.1", root.GetProperty("release").GetProperty("previousVersion").GetString());
        Assert.Equal("9f1c2e7", root.GetProperty("release").GetProperty("commit").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), root.GetProperty("completedAt").GetDateTimeOffset());
        Assert.Equal("release", root.GetProperty("pipeline").GetProperty("name").GetString());
        Assert.Equal("https://ci.example.test/runs/42", root.GetProperty("pipeline").GetProperty("runUrl").GetString());
        Assert.Equal("production-default", root.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task Webhook_leaves_out_optional_fields_that_were_not_given()
    {
        await using var receiver = await DeploymentReceiver.StartAsync();

        var run = await RunAsync(receiver.BaseUrl, ["--deployment-id", "d1", "--org-id", "00D5g000004ABCdEAF", "--org-name", "n", "--environment", "uat", "--version", "1.0.0"], new() { ["RELEASEWATCH_SIGNING_SECRET"] = Secret });

        Assert.True(run.ExitCode == 0, run.ToString());
        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.False(body.RootElement.TryGetProperty("policy", out _));
        Assert.False(body.RootElement.GetProperty("release").TryGetProperty("previousVersion", out _));
        Assert.False(Assert.Single(receiver.Requests).Headers.ContainsKey("x-functions-key"));
        Assert.True(body.RootElement.GetProperty("completedAt").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task Webhook_is_retried_after_a_503_with_the_same_signed_body()
    {
        await using var receiver = await DeploymentReceiver.StartAsync(503);

        var run = await RunAsync(receiver.BaseUrl, Deployment, new() { ["RELEASEWATCH_SIGNING_SECRET"] = Secret });

        Assert.True(run.ExitCode == 0, run.ToString());
        var requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Headers["x-releasewatch-signature"], requests[1].Headers["x-releasewatch-signature"]);
    }

    [Fact]
    public async Task Webhook_rejected_with_401_fails_the_step_without_retrying()
    {
        await using var receiver = await DeploymentReceiver.StartAsync(401);

        var run = await RunAsync(receiver.BaseUrl, Deployment, new() { ["RELEASEWATCH_SIGNING_SECRET"] = Secret });

        Assert.Equal(1, run.ExitCode);
        Assert.Single(receiver.Requests);
        Assert.Contains("401", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_without_a_signing_secret_sends_nothing_and_fails()
    {
        await using var receiver = await DeploymentReceiver.StartAsync();

        var run = await RunAsync(receiver.BaseUrl, Deployment, new() { ["RELEASEWATCH_SIGNING_SECRET"] = "" });

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(receiver.Requests);
        Assert.Contains("RELEASEWATCH_SIGNING_SECRET", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_grid_mode_publishes_one_deployment_completed_event_with_the_native_body_as_data()
    {
        await using var receiver = await DeploymentReceiver.StartAsync();
        var topic = $"{receiver.BaseUrl}/api/events";

        var run = await RunAsync(topic, [.. Deployment, "--mode", "eventgrid"], new() { ["RELEASEWATCH_TOPIC_KEY"] = "topic-key" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/api/events", request.Path);
        Assert.Equal("topic-key", request.Headers["aeg-sas-key"]);
        var published = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromBytes(request.Body)));
        Assert.Equal("ReleaseWatch.DeploymentCompleted", published.EventType);
        Assert.Equal("orgs/00D5g000004ABCdEAF/deployments/0Af5g00000XyZabCAF", published.Subject);
        Assert.Equal("1.0", published.DataVersion);
        using var data = JsonDocument.Parse(published.Data);
        Assert.Equal("0Af5g00000XyZabCAF", data.RootElement.GetProperty("deploymentId").GetString());
        Assert.Equal("Zürich production ✓", data.RootElement.GetProperty("org").GetProperty("name").GetString());
    }

    private static Task<CommandRun> RunAsync(string url, string[] arguments, Dictionary<string, string> environment) =>
        CommandRun.RunAsync("node", [RepoPaths.Of("Functions", "post-deployment.mjs"), "--url", url, "--attempts", "3", .. arguments], TimeSpan.FromSeconds(30), environment);
}
