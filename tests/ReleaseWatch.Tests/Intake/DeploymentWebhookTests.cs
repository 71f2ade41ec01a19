using System.Net;
using System.Text;
using System.Text.Json;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class DeploymentWebhookTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite);
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateTimeOffset Now => _app.Time.GetUtcNow();

    [Fact]
    public async Task A_signed_deployment_starts_a_watch_that_GET_shows_with_its_start_event()
    {
        var deploymentId = AzuritePeer.UniqueName("d");

        var response = await _client.PostSignedAsync(Webhooks.Notice(deploymentId, Now.AddMinutes(-1), _app.OrgId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = WatchId.For(_app.OrgId, deploymentId);
        Assert.Equal($"/api/watches/{id}", response.Headers.Location!.OriginalString);
        var record = await (await _client.GetAsync($"/api/watches/{id}")).JsonAsync();
        Assert.Equal("pending", record.GetProperty("summary").GetProperty("phase").GetString());
        Assert.Equal("Acme Production", record.GetProperty("state").GetProperty("deployment").GetProperty("org").GetProperty("name").GetString());
        var history = record.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("deploymentReceived", Assert.Single(history).GetProperty("event").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_repeated_delivery_returns_the_same_watch_with_200_and_changes_nothing()
    {
        var notice = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-1), _app.OrgId);
        var first = await (await _client.PostSignedAsync(notice)).JsonAsync();

        var repeat = await _client.PostSignedAsync(notice);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await repeat.JsonAsync()).GetProperty("id").GetString());
        var history = await _app.Get<IWatchStore>().GetHistoryAsync(first.GetProperty("id").GetString()!, CancellationToken.None);
        Assert.Single(history, h => h.Event is ReleaseWatch.Watches.Deciding.DeploymentReceived);
    }

    [Fact]
    public async Task A_redelivery_after_the_deployment_aged_past_MaxDeploymentAge_still_answers_200_with_the_same_watch()
    {
        var notice = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-1), _app.OrgId);
        var first = await (await _client.PostSignedAsync(notice)).JsonAsync();
        _app.Time.Advance(TimeSpan.FromHours(25));

        var retry = await _client.PostSignedAsync(notice);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await retry.JsonAsync()).GetProperty("id").GetString());
        var history = await _app.Get<IWatchStore>().GetHistoryAsync(first.GetProperty("id").GetString()!, CancellationToken.None);
        Assert.Single(history, h => h.Event is ReleaseWatch.Watches.Deciding.DeploymentReceived);
    }

    [Fact]
    public async Task A_deployment_never_accepted_that_is_older_than_MaxDeploymentAge_is_still_400_naming_completedAt()
    {
        var notice = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddHours(-25), _app.OrgId);

        var response = await _client.PostSignedAsync(notice);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("completedAt", out _));
    }

    [Fact]
    public async Task Twenty_concurrent_identical_posts_make_exactly_one_watch_with_one_start_event()
    {
        var notice = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-1), _app.OrgId).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.SendAsync(Webhooks.Signed("/api/deployments", notice))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetString()));
        var id = Assert.Single(ids.Distinct());
        var history = await _app.Get<IWatchStore>().GetHistoryAsync(id!, CancellationToken.None);
        Assert.Single(history, h => h.Event is ReleaseWatch.Watches.Deciding.DeploymentReceived);
    }

    [Fact]
    public async Task A_newer_deployment_to_the_same_org_supersedes_the_running_watch()
    {
        var older = await (await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-10), _app.OtherOrgId))).JsonAsync();

        var newer = await (await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-1), _app.OtherOrgId))).JsonAsync();

        var store = _app.Get<IWatchStore>();
        var superseded = (await store.GetAsync(older.GetProperty("id").GetString()!, CancellationToken.None))!.State;
        Assert.Equal(WatchPhase.Superseded, superseded.Phase);
        Assert.Equal(newer.GetProperty("id").GetString(), superseded.SupersededBy);
        Assert.Equal(WatchPhase.Pending, (await store.GetAsync(newer.GetProperty("id").GetString()!, CancellationToken.None))!.State.Phase);
    }

    private const string PlaceholderOrg = "00D0000000PLACEAAA";

    public static TheoryData<string, string, HttpStatusCode, string> BadInputs => new()
    {
        { "malformed JSON", "{\"deploymentId\": ", HttpStatusCode.BadRequest, "$" },
        { "missing fields", "{\"deploymentId\":\"d-missing\"}", HttpStatusCode.BadRequest, "org" },
        { "bad org id", Replace($"\"{PlaceholderOrg}\"", "\"not-an-org\""), HttpStatusCode.BadRequest, "org.id" },
        { "timestamp without offset", Replace("\"completedAt\":\"", "\"completedAt\":\"2026-11-23T10:00:00\",\"x\":\""), HttpStatusCode.BadRequest, "completedAt" },
        { "relative run URL", Replace("https://github.com/acme/sf/actions/runs/42", "/runs/42"), HttpStatusCode.BadRequest, "pipeline.runUrl" },
        { "lone surrogate", Replace("\"version\":\"1.4.2\"", "\"version\":\"1.4\\ud8002\""), HttpStatusCode.BadRequest, "release.version" },
        { "deploymentId a number", Replace("\"deploymentId\":\"", "\"deploymentId\":42,\"y\":\""), HttpStatusCode.BadRequest, "deploymentId" },
        { "org an array", Replace("\"org\":{", "\"org\":[],\"x\":{"), HttpStatusCode.BadRequest, "org" },
        { "completedAt year 1", CompletedAt("0001-01-01T00:00:00Z"), HttpStatusCode.BadRequest, "completedAt" },
        { "completedAt year 9999", CompletedAt("9999-12-31T23:59:59Z"), HttpStatusCode.BadRequest, "completedAt" },
        { "completedAt culture format", CompletedAt("11/23/2026 10:00:00 +00:00"), HttpStatusCode.BadRequest, "completedAt" },
        { "completedAt RFC 1123", CompletedAt("Mon, 23 Nov 2026 10:00:00 GMT"), HttpStatusCode.BadRequest, "completedAt" },
        { "completedAt a number", Replace("\"completedAt\":\"", "\"completedAt\":1796205600,\"x\":\""), HttpStatusCode.BadRequest, "completedAt" },
        { "18-char org id with a wrong checksum", Replace(PlaceholderOrg, "ORGID15+ZZZ"), HttpStatusCode.BadRequest, "org.id" },
        { "unknown org", Replace(PlaceholderOrg, "00D000000000000EAA"), HttpStatusCode.UnprocessableEntity, "not configured" },
        { "unknown policy", Replace("\"deploymentId\":", "\"policy\":\"no-such-policy\",\"deploymentId\":"), HttpStatusCode.UnprocessableEntity, "no-such-policy" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_precise_problem_and_stores_nothing(string what, string body, HttpStatusCode status, string mentions)
    {
        var before = await CountWatchesAsync();

        var sent = body
            .Replace("ORGID15+ZZZ", _app.OrgId[..15] + "ZZZ", StringComparison.Ordinal)
            .Replace(PlaceholderOrg, _app.OrgId, StringComparison.Ordinal)
            .Replace("\"COMPLETED\"", $"\"{Now.AddMinutes(-1):O}\"", StringComparison.Ordinal);
        var response = await _client.SendAsync(Webhooks.Signed("/api/deployments", sent));

        Assert.True(status == response.StatusCode, $"{what}: got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountWatchesAsync());
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing()
    {
        var before = await CountWatchesAsync();
        var body = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now, _app.OrgId).ToJsonString();

        var wrongSecret = await _client.SendAsync(Webhooks.Signed("/api/deployments", body, "another-secret-0123456789"));
        var unsigned = Webhooks.Signed("/api/deployments", body);
        unsigned.Headers.Remove(ReleaseWatch.Intake.WebhookSignature.HeaderName);
        var missing = await _client.SendAsync(unsigned);
        var tampered = Webhooks.Signed("/api/deployments", body);
        tampered.Content = new StringContent(body.Replace("1.4.2", "6.6.6", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        var changed = await _client.SendAsync(tampered);

        Assert.All([wrongSecret, missing, changed], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(before, await CountWatchesAsync());
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_413_and_a_wrong_content_type_is_415()
    {
        var before = await CountWatchesAsync();
        var notice = Webhooks.Notice(AzuritePeer.UniqueName("d"), Now, _app.OrgId);
        notice["padding"] = new string('x', 257 * 1024);

        var tooLarge = await _client.PostSignedAsync(notice);
        var wrongType = await _client.SendAsync(Webhooks.Signed("/api/deployments", Webhooks.Notice("d", Now, _app.OrgId).ToJsonString(), contentType: "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(before, await CountWatchesAsync());
    }

    [Fact]
    public async Task Listing_filters_by_org_and_phase_and_rejects_an_unknown_phase()
    {
        var id = (await (await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("d"), Now, _app.OrgId))).JsonAsync()).GetProperty("id").GetString();

        var listed = await (await _client.GetAsync($"/api/watches?org={_app.OrgId}&phase=Pending&pageSize=100")).JsonAsync();
        var bad = await _client.GetAsync("/api/watches?phase=Sleeping");

        Assert.Contains(listed.GetProperty("watches").EnumerateArray(), w => w.GetProperty("id").GetString() == id);
        Assert.All(listed.GetProperty("watches").EnumerateArray(), w => Assert.Equal("pending", w.GetProperty("phase").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static string CompletedAt(string text) =>
        System.Text.RegularExpressions.Regex.Replace(Replace("\"completedAt\"", "\"completedAt\""), "\"completedAt\":\"[^\"]*\"", $"\"completedAt\":\"{text}\"");

    [Fact]
    public async Task Invalid_UTF8_in_a_validly_signed_body_is_400_and_stores_nothing()
    {
        var before = await CountWatchesAsync();
        var json = Encoding.UTF8.GetBytes(Webhooks.Notice(AzuritePeer.UniqueName("d"), Now.AddMinutes(-1), _app.OrgId).ToJsonString().Replace("1.4.2", "1.4.@", StringComparison.Ordinal));
        json[Array.IndexOf(json, (byte)'@')] = 0xC3; // a lead byte with no continuation

        var response = await _client.SendAsync(Webhooks.SignedBytes("/api/deployments", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await CountWatchesAsync());
    }

    [Fact]
    public async Task A_15_character_org_id_and_an_18_character_one_with_its_checksum_are_both_the_configured_org()
    {
        var deploymentId = AzuritePeer.UniqueName("d");

        var short15 = await _client.PostSignedAsync(Webhooks.Notice(deploymentId, Now.AddMinutes(-1), _app.OrgId[..15]));
        var full18 = await _client.PostSignedAsync(Webhooks.Notice(deploymentId, Now.AddMinutes(-1), _app.OrgId));

        Assert.Equal(HttpStatusCode.Accepted, short15.StatusCode);
        Assert.Equal(HttpStatusCode.OK, full18.StatusCode);
    }

    private static string Replace(string what, string with) =>
        Webhooks.Notice("d-bad-" + Guid.NewGuid().ToString("N")[..8], TimeProvider.System.GetUtcNow(), PlaceholderOrg).ToJsonString(new JsonSerializerOptions { WriteIndented = false }).Replace(what, with, StringComparison.Ordinal);

    private async Task<int> CountWatchesAsync()
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await _app.Get<IWatchStore>().ListAsync(null, null, 100, token, CancellationToken.None);
            count += page.Watches.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);
        return count;
    }
}
