using System.Net;
using System.Text;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Rollouts;

namespace ReleaseWatch.Tests.Functions.Rollouts;

/// <summary>POST /api/rollouts, GET /api/rollouts/{id} and the operator actions through the real web host and Azurite.</summary>
[Collection(RolloutAzuriteCollection.Name)]
public sealed class RolloutsApiTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["ReleaseWatch:Orgs:1:Labels:tier"] = "canary",
            ["ReleaseWatch:Orgs:0:Labels:tier"] = "production",
        });
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Body(string id) => $$"""
        {"rolloutId": "{{id}}", "release": {"version": "2.4.0", "previousVersion": "2.3.1"},
         "waves": [{"name": "uat", "group": {"tier": "canary"}, "bake": "PT30M"},
                   {"name": "production", "orgs": ["{{_app.OrgId}}"], "bake": "PT1H", "success": "quorum", "quorum": 0.95, "onBreach": "wave"}]}
        """;

    [Fact]
    public async Task A_signed_rollout_is_accepted_stored_and_a_repeat_returns_the_same_rollout()
    {
        var id = AzuritePeer.UniqueName("pkg");

        var created = await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));
        var again = await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal($"/api/rollouts/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var read = await (await _client.GetAsync($"/api/rollouts/{id}")).JsonAsync();
        Assert.Equal("promoting", read.GetProperty("summary").GetProperty("phase").GetString());
        Assert.Equal(_app.OtherOrgId, read.GetProperty("state").GetProperty("waves")[0].GetProperty("orgs")[0].GetProperty("org").GetProperty("id").GetString());
        Assert.Equal(1, read.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_rollout_id_reused_with_another_plan_is_409()
    {
        var id = AzuritePeer.UniqueName("pkg");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));

        var reused = await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id).Replace("2.4.0", "2.5.0", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
    }

    [Theory]
    [InlineData("""{"release": {"version": "1"}, "waves": [{"orgs": ["00D000000000001AAA"], "bake": "PT1M"}]}""", "rolloutId")]
    [InlineData("""{"rolloutId": "x", "waves": [{"group": {"tier": "canary"}, "bake": "PT1M"}]}""", "release")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": []}""", "waves")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "soon"}]}""", "waves[0].bake")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "nowhere"}, "bake": "PT1M"}]}""", "waves[0].group")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"orgs": ["00D000000000001AAA"], "bake": "PT1M"}]}""", "waves[0].orgs[0]")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"orgs": ["not-an-org"], "bake": "PT1M"}]}""", "waves[0].orgs[0]")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "orgs": [], "bake": "PT1M"}]}""", "waves[0]")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M", "success": "quorum", "quorum": 1.5}]}""", "waves[0].quorum")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M", "success": "most"}]}""", "waves[0].success")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M", "policy": "nope"}]}""", "waves[0].policy")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M", "onBreach": "all"}]}""", "waves[0].onBreach")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M"}, {"group": {"tier": "canary"}, "bake": "PT1M"}]}""", "waves[1].group")]
    [InlineData("""{"rolloutId": "x", "release": {"version": "1"}, "waves": [{"group": {"tier": "canary"}, "bake": "PT1M", "fleet": {"maxFailingShare": 2}}]}""", "waves[0].fleet.maxFailingShare")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{"rolloutId": """, "$")]
    public async Task A_bad_request_is_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var id = AzuritePeer.UniqueName("bad");
        body = body.Replace("\"x\"", $"\"{id}\"", StringComparison.Ordinal);

        var response = await _client.SendAsync(Webhooks.Signed("/api/rollouts", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.Get<IRolloutStore>().GetAsync(RolloutKey.For(id), CancellationToken.None));
    }

    [Theory]
    [InlineData("\"2.4.0\"", "\"2.4.0\\udfff\"", "release.version")]
    [InlineData("\"uat\"", "\"u\\ud800t\"", "waves[0].name")]
    [InlineData("\"uat\"", "\"u~t\"", "waves[0].name")]
    [InlineData("\"tier\": \"canary\"", "\"t\\ud800\": \"canary\"", "waves[0].group")]
    public async Task A_plan_with_a_lone_surrogate_or_invalid_UTF_8_is_400_naming_the_field_and_stores_nothing(string find, string replace, string field)
    {
        var id = AzuritePeer.UniqueName("text");
        // '~' stands for the byte 0xC3, which starts a two-byte UTF-8 sequence that never comes.
        var body = Encoding.UTF8.GetBytes(Body(id).Replace(find, replace, StringComparison.Ordinal)).Select(b => b == (byte)'~' ? (byte)0xC3 : b).ToArray();

        var response = await _client.SendAsync(Webhooks.SignedBytes("/api/rollouts", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.Get<IRolloutStore>().GetAsync(RolloutKey.For(id), CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"action":"pause","actor":"\ud800"}""", "actor")]
    [InlineData("""{"action":"pause","actor":"ana\u0000"}""", "actor")]
    [InlineData("""{"action":"pause","actor":42}""", "actor")]
    [InlineData("""{"action":["pause"],"actor":"ana"}""", "action")]
    [InlineData("""{"action":"pause","actor":"ana","reason":"a\udfffb"}""", "reason")]
    [InlineData("""{"action":"skip","actor":"ana","org":{}}""", "org")]
    public async Task An_action_with_a_mistyped_field_a_lone_surrogate_or_a_control_character_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = AzuritePeer.UniqueName("acts");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));
        var before = await _app.Get<IRolloutStore>().GetHistoryAsync(RolloutKey.For(id), CancellationToken.None);

        var response = await _client.SendAsync(Webhooks.SignedAction($"/api/rollouts/{id}/actions", body, _app.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Count, (await _app.Get<IRolloutStore>().GetHistoryAsync(RolloutKey.For(id), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_unsigned_rollout_is_401_and_stores_nothing()
    {
        var id = AzuritePeer.UniqueName("unsigned");
        var request = Webhooks.Signed("/api/rollouts", Body(id), secret: "another-secret-entirely-0123456");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await _app.Get<IRolloutStore>().GetAsync(RolloutKey.For(id), CancellationToken.None));
    }

    [Fact]
    public async Task An_action_signed_over_its_body_alone_is_401_and_a_replayed_one_is_409_and_neither_changes_the_rollout()
    {
        var id = AzuritePeer.UniqueName("sig");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));
        var actions = $"/api/rollouts/{id}/actions";
        const string abort = """{"action":"abort","actor":"ana"}""";
        var other = AzuritePeer.UniqueName("sig");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(other)));

        var bodyOnly = await _client.SendAsync(Webhooks.Signed(actions, abort));
        var pausedOther = await _client.SendAsync(Webhooks.SignedAction($"/api/rollouts/{other}/actions", """{"action":"pause","actor":"ana"}""", _app.Time.GetUtcNow()));
        var elsewhere = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"pause","actor":"ana"}""", _app.Time.GetUtcNow(), signedPath: $"/api/rollouts/{other}/actions"));
        var replayed = await _client.SendAsync(Webhooks.SignedAction($"/api/rollouts/{other}/actions", """{"action":"pause","actor":"ana"}""", _app.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, bodyOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pausedOther.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Contains("replayed", (await replayed.JsonAsync()).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Single(await _app.Get<IRolloutStore>().GetHistoryAsync(RolloutKey.For(id), CancellationToken.None));
        Assert.Equal(2, (await _app.Get<IRolloutStore>().GetHistoryAsync(RolloutKey.For(other), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_action_on_a_rollout_id_that_needs_escaping_is_accepted_signed_over_the_path_as_sent_or_as_named()
    {
        var id = AzuritePeer.UniqueName("spring release");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));
        var sent = $"/api/rollouts/{Uri.EscapeDataString(id)}/actions";

        var escaped = await _client.SendAsync(Webhooks.SignedAction(sent, """{"action":"pause","actor":"ana"}""", _app.Time.GetUtcNow()));
        var named = await _client.SendAsync(Webhooks.SignedAction(sent, """{"action":"resume","actor":"ana"}""", _app.Time.GetUtcNow(), signedPath: $"/api/rollouts/{id}/actions"));
        var wrong = await _client.SendAsync(Webhooks.SignedAction(sent, """{"action":"abort","actor":"ana"}""", _app.Time.GetUtcNow(), signedPath: $"/api/rollouts/{Uri.EscapeDataString(id)}x/actions"));

        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("promoting", (await (await _client.GetAsync(sent[..^"/actions".Length])).JsonAsync()).GetProperty("summary").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Pause_resume_skip_and_abort_are_signed_actions_and_an_impossible_one_is_409()
    {
        var id = AzuritePeer.UniqueName("act");
        await _client.SendAsync(Webhooks.Signed("/api/rollouts", Body(id)));
        var actions = $"/api/rollouts/{id}/actions";

        var paused = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"pause","actor":"ana"}""", _app.Time.GetUtcNow()));
        var pausedAgain = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"pause","actor":"ben"}""", _app.Time.GetUtcNow()));
        var resumed = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"resume","actor":"ana"}""", _app.Time.GetUtcNow()));
        var skipped = await _client.SendAsync(Webhooks.SignedAction(actions, $$"""{"action":"skip","actor":"ana","org":"{{_app.OtherOrgId}}"}""", _app.Time.GetUtcNow()));
        var noOrg = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"skip","actor":"ana"}""", _app.Time.GetUtcNow()));
        var aborted = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"abort","actor":"ana","reason":"wrong package"}""", _app.Time.GetUtcNow()));
        var unsigned = await _client.SendAsync(Webhooks.SignedAction(actions, """{"action":"abort","actor":"ana"}""", _app.Time.GetUtcNow(), secret: "another-secret-entirely-0123456"));
        var missing = await _client.SendAsync(Webhooks.SignedAction($"/api/rollouts/{id}-nope/actions", """{"action":"abort","actor":"ana"}""", _app.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, pausedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noOrg.StatusCode);
        Assert.Equal("aborted", (await aborted.JsonAsync()).GetProperty("phase").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/rollouts/{id}-nope")).StatusCode);
    }
}
