using System.Net;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>Azure DevOps service hooks (Web Hooks consumer) with the subscription's Basic credentials.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureDevOpsSourceTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;
    private string _production = "";
    private string _uat = "";

    public Task InitializeAsync()
    {
        (_app, _production, _uat) = SourcesApp.Create(azurite);
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static HttpRequestMessage Notification(string body, string? authorization = null) =>
        SourcesApp.Json("/api/sources/azure-devops", body, ("Authorization", authorization ?? SourcesApp.Basic(SourcesApp.AzureDevOpsUser, SourcesApp.AzureDevOpsPassword)));

    [Fact]
    public async Task A_succeeded_classic_release_deployment_starts_a_watch_of_the_org_mapped_by_project_definition_and_environment()
    {
        var eventId = Guid.NewGuid().ToString();

        var response = await _client.SendAsync(Notification(SenderPayloads.AzureDevOpsReleaseDeploymentCompleted(eventId, "Production", definition: "Fabrikam.CD", release: "Release-7")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var state = (await _app.Get<IWatchStore>().GetAsync(WatchId.For(_production, $"azure-devops:{eventId}"), CancellationToken.None))!.State;
        Assert.Equal("Release-7", state.Deployment.Release.Version);
        Assert.Equal("Fabrikam.CD", state.Deployment.Pipeline.Name);
    }

    [Fact]
    public async Task The_documented_sample_without_a_definition_maps_by_project_and_environment()
    {
        var eventId = Guid.NewGuid().ToString();

        var response = await _client.SendAsync(Notification(SenderPayloads.AzureDevOpsReleaseDeploymentCompleted(eventId)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(WatchId.For(_uat, $"azure-devops:{eventId}"), (await response.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_completed_and_succeeded_YAML_stage_starts_a_watch_mapped_by_project_id_pipeline_and_stage()
    {
        var eventId = Guid.NewGuid().ToString();

        var response = await _client.SendAsync(Notification(SenderPayloads.AzureDevOpsStageStateChanged(eventId)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var summary = await response.JsonAsync();
        Assert.Equal(WatchId.For(_production, $"azure-devops:{eventId}"), summary.GetProperty("id").GetString());
        Assert.Equal("20261202.3", summary.GetProperty("release").GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_retried_notification_answers_200_with_the_same_watch()
    {
        var body = SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString());
        var first = await (await _client.SendAsync(Notification(body))).JsonAsync();

        var again = await _client.SendAsync(Notification(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _production));
    }

    [Fact]
    public async Task A_retry_after_the_deployment_aged_past_MaxDeploymentAge_answers_200_with_the_same_watch()
    {
        var body = SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString());
        var first = await (await _client.SendAsync(Notification(body))).JsonAsync();
        _app.Time.Advance(TimeSpan.FromHours(25));

        var again = await _client.SendAsync(Notification(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _production));
    }

    public static TheoryData<string, string> NotFinished => new()
    {
        { "a rejected release deployment", SenderPayloads.AzureDevOpsReleaseDeploymentCompleted(Guid.NewGuid().ToString(), "Production", "rejected", "Fabrikam.CD") },
        { "a running stage", SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString(), state: "running", result: "") },
        { "a failed stage", SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString(), result: "failed") },
        { "a build", """{"id": "4a5d99d6-1c75-4e53-91b9-ee80057d4ce3", "eventType": "build.complete", "publisherId": "tfs", "resource": {"status": "succeeded"}}""" },
    };

    [Theory]
    [MemberData(nameof(NotFinished))]
    public async Task What_is_not_a_successful_deployment_is_acknowledged_as_ignored_and_stores_nothing(string what, string body)
    {
        var response = await _client.SendAsync(Notification(body));

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{what}: {response.StatusCode}");
        Assert.Equal("ignored", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task Wrong_or_missing_credentials_are_401_with_a_Basic_challenge_and_store_nothing()
    {
        var body = SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString());
        var wrong = await _client.SendAsync(Notification(body, SourcesApp.Basic(SourcesApp.AzureDevOpsUser, "not-the-password-0123456789")));
        var otherUser = await _client.SendAsync(Notification(body, SourcesApp.Basic("someone", SourcesApp.AzureDevOpsPassword)));
        var missing = SourcesApp.Json("/api/sources/azure-devops", body);
        var none = await _client.SendAsync(missing);
        var garbage = await _client.SendAsync(Notification(body, "Basic %%%"));

        Assert.All([wrong, otherUser, none, garbage], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.StartsWith("Basic", none.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task An_unmapped_environment_is_422_naming_project_definition_and_environment()
    {
        var response = await _client.SendAsync(Notification(SenderPayloads.AzureDevOpsReleaseDeploymentCompleted(Guid.NewGuid().ToString(), "QA", definition: "Fabrikam.CD")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains("environment 'QA'", detail, StringComparison.Ordinal);
        Assert.Contains("definition 'Fabrikam.CD'", detail, StringComparison.Ordinal);
        Assert.Contains("project 'Fabrikam'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_is_400_and_a_stage_event_without_its_stage_names_the_field()
    {
        var malformed = await _client.SendAsync(Notification("""{"id": "x", "eventType": """));
        var noStage = await _client.SendAsync(Notification("""{"id": "e1", "eventType": "ms.vss-pipelines.stage-state-changed-event", "resource": {"run": {"name": "1"}}, "createdDate": "2026-12-02T06:10:10Z"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noStage.StatusCode);
        Assert.True((await noStage.JsonAsync()).GetProperty("errors").TryGetProperty("resource.stage.state", out _));
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }
}
