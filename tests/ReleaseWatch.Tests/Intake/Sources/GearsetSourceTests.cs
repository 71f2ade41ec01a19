using System.Net;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>Gearset's outgoing CI webhooks: a secret path segment (standard payload) or Basic credentials.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GearsetSourceTests(AzuritePeer azurite) : IAsyncLifetime
{
    private const string Job = "uat to production";
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

    private static HttpRequestMessage Run(string body, string path = "/api/sources/gearset/" + SourcesApp.GearsetPathKey, string eventName = "ci_job_run", string? authorization = null)
    {
        var headers = new List<(string, string)> { ("X-Gearset-Event", eventName) };
        if (authorization is not null)
        {
            headers.Add(("Authorization", authorization));
        }

        return SourcesApp.Json(path, body, [.. headers]);
    }

    [Fact]
    public async Task A_succeeded_deployment_run_posted_to_the_secret_path_starts_a_watch_of_the_job_s_org()
    {
        var ended = _app.Time.GetUtcNow().AddSeconds(-30);

        var response = await _client.SendAsync(Run(SenderPayloads.GearsetCiJobRun(Job, ended)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var summary = await response.JsonAsync();
        Assert.Equal(_production, summary.GetProperty("org").GetProperty("id").GetString());
        Assert.Equal(ended.UtcDateTime, summary.GetProperty("completedAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task The_same_run_delivered_again_with_Basic_credentials_finds_the_same_watch()
    {
        var body = SenderPayloads.GearsetCiJobRun(Job, _app.Time.GetUtcNow().AddMinutes(-3));
        var first = await (await _client.SendAsync(Run(body))).JsonAsync();

        var again = await _client.SendAsync(Run(body, "/api/sources/gearset", authorization: SourcesApp.Basic(SourcesApp.GearsetUser, SourcesApp.GearsetPassword)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_run_delivered_again_after_it_aged_past_MaxDeploymentAge_answers_200_with_the_same_watch()
    {
        var body = SenderPayloads.GearsetCiJobRun(Job, _app.Time.GetUtcNow().AddMinutes(-3));
        var first = await (await _client.SendAsync(Run(body))).JsonAsync();
        _app.Time.Advance(TimeSpan.FromHours(25));

        var again = await _client.SendAsync(Run(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await again.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(1, await SourcesApp.CountWatchesAsync(_app, _production));
    }

    [Theory]
    [InlineData("Failed", "Deployment")]
    [InlineData("Error", "Deployment")]
    [InlineData("Succeeded", "Validation")]
    public async Task A_run_that_is_not_a_succeeded_deployment_is_acknowledged_as_ignored(string status, string type)
    {
        var response = await _client.SendAsync(Run(SenderPayloads.GearsetCiJobRun(Job, _app.Time.GetUtcNow(), status, type)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ignored", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task A_wrong_path_key_or_credentials_is_401_and_stores_nothing()
    {
        var body = SenderPayloads.GearsetCiJobRun(Job, _app.Time.GetUtcNow());

        var wrongKey = await _client.SendAsync(Run(body, "/api/sources/gearset/not-the-key-0123456789abcdef"));
        var noKey = await _client.SendAsync(Run(body, "/api/sources/gearset"));
        var wrongBasic = await _client.SendAsync(Run(body, "/api/sources/gearset", authorization: SourcesApp.Basic(SourcesApp.GearsetUser, "wrong-password-0123456789")));

        Assert.All([wrongKey, noKey, wrongBasic], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }

    [Fact]
    public async Task An_unmapped_job_is_422_naming_it_and_a_run_without_an_end_date_is_400()
    {
        var unmapped = await _client.SendAsync(Run(SenderPayloads.GearsetCiJobRun("dev to uat", _app.Time.GetUtcNow())));
        var noEnd = await _client.SendAsync(Run("""{"job": {"name": "uat to production"}, "run": {"status": "Succeeded", "type": "Deployment"}}"""));
        var otherEvent = await _client.SendAsync(Run("{}", eventName: "something_else"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unmapped.StatusCode);
        Assert.Contains("job 'dev to uat'", await unmapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noEnd.StatusCode);
        Assert.True((await noEnd.JsonAsync()).GetProperty("errors").TryGetProperty("run.end_date_utc", out _));
        Assert.Equal(HttpStatusCode.Accepted, otherEvent.StatusCode);
        Assert.Equal(0, await SourcesApp.CountWatchesAsync(_app, _production, _uat));
    }
}
