using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake.Input;

/// <summary>
/// Seeded, bounded fuzzing of every public endpoint that takes a body: thousands of mutated bodies, each validly signed
/// (or keyed), must never answer 5xx, and nothing refused may leave a watch or a history entry behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputFuzzTests(AzuritePeer azurite) : IAsyncLifetime
{
    private const int Seed = 18;
    private const int PerEndpoint = 600;

    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite);
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mutated_signed_webhooks_never_answer_5xx_and_only_accepted_ones_start_watches()
    {
        var random = new Random(Seed);
        var created = 0;
        for (var i = 0; i < PerEndpoint; i++)
        {
            var body = BodyMutator.Mutate(random, Encoding.UTF8.GetBytes(Notice($"fz-{i}").ToJsonString()));

            var response = await _client.SendAsync(Webhooks.SignedBytes("/api/deployments", body));

            FuzzAnswers.AssertNot5xx(response, body);
            created += response.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
        }

        Assert.Equal(created, await CountWatchesAsync());
    }

    [Fact]
    public async Task Mutated_Event_Grid_deliveries_never_answer_5xx_and_only_accepted_ones_start_watches()
    {
        var random = new Random(Seed + 1);
        var created = 0;
        for (var i = 0; i < PerEndpoint; i++)
        {
            var cloud = random.Next(2) == 0;
            var body = BodyMutator.Mutate(random, Encoding.UTF8.GetBytes(Delivery($"fz-eg-{i}", cloud)));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(cloud ? "application/cloudevents+json" : "application/json");

            var response = await _client.PostAsync($"/api/events?key={ReleaseWatchApp.EventGridKey}", content);

            FuzzAnswers.AssertNot5xx(response, body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                created += (await response.JsonAsync()).TryGetProperty("watches", out var watches) ? watches.GetArrayLength() : 0;
            }
        }

        Assert.True(await CountWatchesAsync() <= created, "a refused delivery started a watch");
    }

    [Fact]
    public async Task Mutated_signed_operator_actions_never_answer_5xx_and_refused_ones_change_nothing()
    {
        var random = new Random(Seed + 2);
        var watch = await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("fz"), _app.Time.GetUtcNow(), _app.OrgId));
        var watchId = (await watch.JsonAsync()).GetProperty("id").GetString()!;
        var store = _app.Get<IWatchStore>();
        var taken = 0;
        for (var i = 0; i < PerEndpoint; i++)
        {
            var body = BodyMutator.Mutate(random, Encoding.UTF8.GetBytes($$"""{"action":"extend","actor":"fuzz-{{i}}","minutes":5,"reason":"fuzz"}"""));
            using var request = Webhooks.SignedAction($"/api/watches/{watchId}/actions", body, _app.Time.GetUtcNow());

            var response = await _client.SendAsync(request);

            FuzzAnswers.AssertNot5xx(response, body);
            taken += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.True((await store.GetHistoryAsync(watchId, CancellationToken.None)).Count <= 1 + taken, "a refused action changed the watch");
    }

    [Fact]
    public async Task Mutated_host_invocations_never_answer_5xx()
    {
        var random = new Random(Seed + 3);
        for (var i = 0; i < PerEndpoint / 2; i++)
        {
            var eventText = new JsonObject { ["eventGridEvent"] = Delivery($"fz-inv-{i}", cloud: false)[1..^1] }.ToJsonString();
            var resultText = new JsonObject { ["result"] = $$"""{"commandId":"w-{{i}}-revert-1","status":"succeeded","detail":"ok","completedAt":"2026-11-23T10:00:00Z"}""" }.ToJsonString();
            foreach (var (route, data) in new[] { ("/DeploymentEvents", eventText), ("/CommandResults", resultText) })
            {
                var body = BodyMutator.Mutate(random, Encoding.UTF8.GetBytes("{\"Data\":" + data + ",\"Metadata\":{}}"));
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

                FuzzAnswers.AssertNot5xx(await _client.PostAsync(route, content), body);
            }
        }
    }

    [Fact]
    public async Task Mutated_timer_invocations_never_answer_5xx()
    {
        var random = new Random(Seed + 4);
        var answers = new FuzzAnswers();
        const string timer = """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T10:00:00Z","Next":"2026-11-23T10:01:00Z","LastUpdated":"2026-11-23T10:00:00Z"},"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"Ticker","UtcNow":"2026-11-23T10:00:01Z"}}}""";
        for (var i = 0; i < PerEndpoint / 4; i++)
        {
            foreach (var route in new[] { "/Ticker", "/IndicatorPolls", "/SignalPump", "/DevOpsCenterPump" })
            {
                var body = i % 20 == 0 ? Encoding.UTF8.GetBytes(timer) : BodyMutator.Mutate(random, Encoding.UTF8.GetBytes(timer));
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

                answers.Check(await _client.PostAsync(route, content), body);
            }
        }

        Assert.True(answers[HttpStatusCode.OK] >= PerEndpoint / 20 && answers[HttpStatusCode.BadRequest] > 0, $"runs or refusals were not exercised: {answers}");
    }

    private JsonObject Notice(string deploymentId) => Webhooks.Notice(deploymentId, _app.Time.GetUtcNow().AddMinutes(-1), _app.OrgId);

    private string Delivery(string deploymentId, bool cloud) => (cloud
        ? new JsonObject { ["specversion"] = "1.0", ["type"] = "ReleaseWatch.DeploymentCompleted", ["source"] = "/pipelines/release", ["id"] = deploymentId, ["time"] = _app.Time.GetUtcNow().ToString("O"), ["data"] = Notice(deploymentId) }
        : (JsonNode)new JsonArray(new JsonObject { ["id"] = deploymentId, ["subject"] = "r", ["eventType"] = "ReleaseWatch.DeploymentCompleted", ["eventTime"] = _app.Time.GetUtcNow().ToString("O"), ["dataVersion"] = "1", ["data"] = Notice(deploymentId) }))
        .ToJsonString();

    private async Task<int> CountWatchesAsync()
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await _app.Get<IWatchStore>().ListAsync(_app.OrgId, null, 100, token, CancellationToken.None);
            count += page.Watches.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }
}
