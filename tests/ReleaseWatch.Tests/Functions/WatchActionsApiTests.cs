using System.Net;
using System.Text;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class WatchActionsApiTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;
    private string _watchId = "";

    public async Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite);
        _client = _app.CreateClient();
        var created = await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("act"), _app.Time.GetUtcNow(), _app.OrgId));
        _watchId = (await created.JsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpRequestMessage Act(string body) => Webhooks.SignedAction($"/api/watches/{_watchId}/actions", body, _app.Time.GetUtcNow());

    [Fact]
    public async Task A_signed_abort_cancels_the_watch_and_records_who_did_it()
    {
        var response = await _client.SendAsync(Act("""{"action":"abort","actor":"ana@example.com","reason":"rolled back by hand"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.JsonAsync()).GetProperty("phase").GetString());
        var history = await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None);
        var acted = Assert.IsType<OperatorActed>(history[^1].Event);
        Assert.Equal("ana@example.com", acted.Actor);
    }

    [Fact]
    public async Task Extend_moves_the_window_end()
    {
        var before = (await _app.Get<IWatchStore>().GetAsync(_watchId, CancellationToken.None))!.State.WindowEndsAt;

        var response = await _client.SendAsync(Act("""{"action":"extend","actor":"ana","minutes":30}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.AddMinutes(30), (await _app.Get<IWatchStore>().GetAsync(_watchId, CancellationToken.None))!.State.WindowEndsAt);
    }

    [Fact]
    public async Task Approving_a_revert_that_nothing_awaits_is_409_with_the_reason()
    {
        var response = await _client.SendAsync(Act("""{"action":"approve-revert","actor":"ana"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no revert to approve", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action":"pause","actor":"ana"}""", "action")]
    [InlineData("""{"action":"extend","actor":"ana"}""", "minutes")]
    [InlineData("""{"action":"abort"}""", "actor")]
    public async Task An_invalid_action_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var response = await _client.SendAsync(Act(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None));
    }

    [Fact]
    public async Task An_unsigned_action_is_401_and_an_unknown_watch_is_404()
    {
        var unsigned = await _client.PostAsync($"/api/watches/{_watchId}/actions", new StringContent("""{"action":"abort","actor":"x"}""", Encoding.UTF8, "application/json"));
        var unknown = await _client.SendAsync(Webhooks.SignedAction("/api/watches/w000000000000000000000000/actions", """{"action":"abort","actor":"x"}""", _app.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"action":7,"actor":"ana"}""", "action")]
    [InlineData("""{"action":"abort","actor":{"name":"ana"}}""", "actor")]
    [InlineData("""{"action":"abort","actor":"\ud800"}""", "actor")]
    [InlineData("""{"action":"abort","actor":"ana","reason":["x"]}""", "reason")]
    [InlineData("""{"action":"extend","actor":"ana","minutes":"30"}""", "minutes")]
    [InlineData("""{"action":"extend","actor":"ana","minutes":1.5}""", "minutes")]
    [InlineData("""[]""", "$")]
    public async Task A_wrong_JSON_type_or_unpaired_surrogate_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var response = await _client.SendAsync(Act(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_signed_action_sent_twice_is_taken_once_and_the_repeat_is_409()
    {
        const string body = """{"action":"extend","actor":"ana","minutes":10}""";
        var at = _app.Time.GetUtcNow();
        var first = await _client.SendAsync(Webhooks.SignedAction($"/api/watches/{_watchId}/actions", body, at));

        var replay = await _client.SendAsync(Webhooks.SignedAction($"/api/watches/{_watchId}/actions", body, at));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("replay", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_abort_signed_for_one_watch_is_refused_on_another()
    {
        var other = await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("act"), _app.Time.GetUtcNow(), _app.OtherOrgId));
        var otherId = (await other.JsonAsync()).GetProperty("id").GetString()!;

        var replayed = await _client.SendAsync(Webhooks.SignedAction(
            $"/api/watches/{otherId}/actions", """{"action":"abort","actor":"mallory"}""", _app.Time.GetUtcNow(), signedPath: $"/api/watches/{_watchId}/actions"));

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(WatchPhase.Pending, (await _app.Get<IWatchStore>().GetAsync(otherId, CancellationToken.None))!.State.Phase);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task An_action_signed_more_than_the_clock_skew_away_from_now_is_401(int minutes)
    {
        var response = await _client.SendAsync(Webhooks.SignedAction(
            $"/api/watches/{_watchId}/actions", """{"action":"abort","actor":"ana"}""", _app.Time.GetUtcNow().AddMinutes(minutes)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Timestamp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None));
    }

    [Fact]
    public async Task An_action_signed_over_its_body_only_is_401()
    {
        var response = await _client.SendAsync(Webhooks.Signed($"/api/watches/{_watchId}/actions", """{"action":"abort","actor":"ana"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(_watchId, CancellationToken.None));
    }
}
