using System.Net;
using System.Text;
using ReleaseWatch.Intake;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>GitHub deployment_status webhooks, signed as GitHub signs them (X-Hub-Signature-256 over the raw body).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GitHubSourceTests(AzuritePeer azurite) : IAsyncLifetime
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

    private static long NewDeploymentId() => Random.Shared.NextInt64(1_000_000, 9_000_000_000);

    private static HttpRequestMessage Delivery(string body, string eventName = "deployment_status", string secret = SourcesApp.GitHubSecret, string? delivery = null) =>
        SourcesApp.Json("/api/sources/github", body,
            ("X-GitHub-Event", eventName),
            ("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString()),
            ("X-GitHub-Hook-ID", "123456"),
            ("User-Agent", "GitHub-Hookshot/044aadd"),
            ("X-Hub-Signature-256", WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret)));

    [Fact]
    public async Task A_validly_signed_delivery_with_an_unpaired_surrogate_is_400_naming_the_field_and_stores_nothing()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId()).Replace("\"environment\": \"", "\"environment\": \"\\ud800", StringComparison.Ordinal);

        var response = await _client.SendAsync(Delivery(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("environment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task A_successful_deployment_status_starts_one_watch_of_the_mapped_org_with_the_release_it_names()
    {
        var deploymentId = NewDeploymentId();

        var response = await _client.SendAsync(Delivery(SenderPayloads.GitHubDeploymentStatus(deploymentId)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = WatchId.For(_production, $"github:octo-org/sf-app/deployments/{deploymentId}");
        Assert.Equal($"/api/watches/{id}", response.Headers.Location!.OriginalString);
        var state = (await _app.Get<IWatchStore>().GetAsync(id, CancellationToken.None))!.State;
        Assert.Equal(new ReleaseWatch.Deployments.ReleaseRef("1.4.2", "1.4.1", "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d"), state.Deployment.Release);
        Assert.Equal("https://github.com/octo-org/sf-app/actions/runs/42/job/7", state.Deployment.Pipeline.RunUrl!.ToString());
        Assert.Equal("Acme Production", state.Org.Name);
    }

    [Fact]
    public async Task A_redelivery_answers_200_with_the_same_watch_and_one_start_event()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), environment: "uat", repository: "octo-org/other");
        var delivery = Guid.NewGuid().ToString();
        var first = await (await _client.SendAsync(Delivery(body, delivery: delivery))).JsonAsync();

        var again = await _client.SendAsync(Delivery(body, delivery: delivery));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = first.GetProperty("id").GetString()!;
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(id, CancellationToken.None), h => h.Event is DeploymentReceived);
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _uat));
    }

    [Fact]
    public async Task A_redelivery_after_the_deployment_aged_past_MaxDeploymentAge_answers_200_with_the_same_watch()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), at: _app.Time.GetUtcNow());
        var first = await (await _client.SendAsync(Delivery(body))).JsonAsync();
        _app.Time.Advance(TimeSpan.FromHours(25));

        var again = await _client.SendAsync(Delivery(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _production));
    }

    [Fact]
    public async Task Without_a_payload_version_the_ref_and_short_commit_are_the_version_and_the_release_cannot_be_reverted()
    {
        var response = await _client.SendAsync(Delivery(SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), payloadJson: "{}")));

        var release = (await response.JsonAsync()).GetProperty("release");
        Assert.Equal("main@a84d88e", release.GetProperty("version").GetString());
        Assert.Equal("a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", release.GetProperty("commit").GetString());
        Assert.False(release.TryGetProperty("previousVersion", out var previous) && previous.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Theory]
    [InlineData("failure")]
    [InlineData("in_progress")]
    [InlineData("error")]
    public async Task A_status_other_than_success_is_acknowledged_as_ignored_and_stores_nothing(string state)
    {
        var response = await _client.SendAsync(Delivery(SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), state)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal("ignored", answer.GetProperty("status").GetString());
        Assert.Contains(state, answer.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task A_ping_is_answered_and_another_event_is_acknowledged_as_ignored()
    {
        var ping = await _client.SendAsync(Delivery(SenderPayloads.GitHubPing, "ping"));
        var push = await _client.SendAsync(Delivery("""{"ref": "refs/heads/main"}""", "push"));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("pong", (await ping.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
        Assert.Contains("push", (await push.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_missing_or_stale_signature_is_401_and_stores_nothing()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId());
        var wrongSecret = await _client.SendAsync(Delivery(body, secret: "another-secret-0123456789"));
        var unsigned = Delivery(body);
        unsigned.Headers.Remove("X-Hub-Signature-256");
        var missing = await _client.SendAsync(unsigned);
        var tampered = Delivery(body);
        tampered.Content = new StringContent(body.Replace("1.4.2", "6.6.6", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        var changed = await _client.SendAsync(tampered);
        var ping = Delivery(SenderPayloads.GitHubPing, "ping", secret: "another-secret-0123456789");
        var unsignedPing = await _client.SendAsync(ping);

        Assert.All([wrongSecret, missing, changed, unsignedPing], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("X-Hub-Signature-256", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SourcesApp.GitHubSecret, await wrongSecret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task An_environment_no_mapping_knows_is_422_naming_what_was_reported()
    {
        var response = await _client.SendAsync(Delivery(SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), environment: "staging")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains("environment 'staging'", detail, StringComparison.Ordinal);
        Assert.Contains("repository 'octo-org/sf-app'", detail, StringComparison.Ordinal);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task A_deployment_status_without_its_deployment_fields_is_400_naming_each_and_a_form_body_is_415()
    {
        const string body = """{"action": "created", "deployment_status": {"state": "success", "created_at": "yesterday"}, "repository": {"full_name": "octo-org/sf-app"}}""";

        var response = await _client.SendAsync(Delivery(body));
        var form = Delivery("payload=%7B%7D");
        form.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var formResponse = await _client.SendAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.All(["deployment.id", "deployment.environment", "deployment.sha", "deployment_status.created_at"], f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formResponse.StatusCode);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task Twenty_concurrent_deliveries_of_one_deployment_make_exactly_one_watch()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.SendAsync(Delivery(body))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _production));
    }

    [Fact]
    public async Task A_body_over_the_intake_limit_is_413_and_stores_nothing()
    {
        var body = SenderPayloads.GitHubDeploymentStatus(NewDeploymentId(), payloadJson: $$"""{"padding": "{{new string('x', 257 * 1024)}}"}""");

        var response = await _client.SendAsync(Delivery(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }
}
