using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>
/// The Functions host's side of the contract: it probes GET /, forwards HTTP functions on their own path,
/// and POSTs {"Data": {...}, "Metadata": {...}} to /{FunctionName} for other triggers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomHandlerTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777" });
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_readiness_probe_answers_200()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task DeploymentEvents_takes_an_Event_Grid_event_encoded_as_a_JSON_string_once_or_twice(int encodings)
    {
        var deploymentId = AzuritePeer.UniqueName("inv");
        JsonNode value = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["topic"] = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventGrid/topics/releases",
            ["subject"] = "releases",
            ["eventType"] = "ReleaseWatch.DeploymentCompleted",
            ["eventTime"] = "2026-11-23T10:00:00Z",
            ["dataVersion"] = "1.0",
            ["data"] = Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId),
        };
        for (var i = 0; i < encodings; i++)
        {
            value = JsonValue.Create(value.ToJsonString())!;
        }

        var response = await InvokeAsync("DeploymentEvents", "eventGridEvent", value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("Logs").ValueKind);
        Assert.True(answer.TryGetProperty("ReturnValue", out _));
        Assert.NotNull(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    [Fact]
    public async Task DeploymentEvents_refuses_an_invalid_event_so_the_invocation_fails_and_stores_nothing()
    {
        var data = Webhooks.Notice("inv-bad", _app.Time.GetUtcNow(), _app.OrgId);
        data.Remove("pipeline");
        var value = new JsonObject { ["id"] = "1", ["subject"] = "s", ["eventType"] = "ReleaseWatch.DeploymentCompleted", ["eventTime"] = "2026-11-23T10:00:00Z", ["dataVersion"] = "1", ["data"] = data };

        var response = await InvokeAsync("DeploymentEvents", "eventGridEvent", value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, "inv-bad"), CancellationToken.None));
    }

    [Fact]
    public async Task Ticker_takes_the_timer_trigger_payload()
    {
        var timer = JsonNode.Parse("""
            {"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T09:59:00Z","Next":"2026-11-23T10:01:00Z","LastUpdated":"2026-11-23T10:00:00Z"},"IsPastDue":false}
            """)!;

        var response = await InvokeAsync("Ticker", "timer", timer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Processed", (await response.JsonAsync()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_HTTP_function_is_served_on_its_own_path()
    {
        var response = await _client.GetAsync("/api/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> InvokeAsync(string function, string binding, JsonNode value)
    {
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { [binding] = value },
            ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = "2026-11-23T10:00:00Z", ["RandGuid"] = Guid.NewGuid().ToString() } },
        };
        return _client.PostAsync($"/{function}", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}
