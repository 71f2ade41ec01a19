using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake;

[Collection(AzuriteCollection.Name)]
public sealed class EventGridTests(AzuritePeer azurite) : IAsyncLifetime
{
    // Microsoft's documented sample of the Event Grid-schema subscription validation event.
    private const string ValidationEvent = """
        [{
          "id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
          "topic": "/subscriptions/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
          "subject": "",
          "data": {
            "validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
            "validationUrl": "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/myeventsub/validate?id=0000000000-0000-0000-0000-00000000000000&t=2022-10-28T04:23:35.1981776Z&apiVersion=2018-05-01-preview&token=1A1A1A1A"
          },
          "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime": "2022-10-28T04:23:35.1981776Z",
          "metadataVersion": "1",
          "dataVersion": "1"
        }]
        """;

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
    public async Task The_Event_Grid_schema_handshake_echoes_the_validation_code()
    {
        var response = await PostAsync(ValidationEvent, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (await response.JsonAsync()).GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task The_CloudEvents_handshake_allows_the_requesting_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"/api/events?key={ReleaseWatchApp.EventGridKey}");
        request.Headers.Add("WebHook-Request-Origin", "eventemitter.example.com");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventemitter.example.com", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }

    [Fact]
    public async Task An_Event_Grid_schema_delivery_starts_a_watch()
    {
        var deploymentId = AzuritePeer.UniqueName("eg");
        var events = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["topic"] = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventGrid/topics/releases",
            ["subject"] = "releases/1.4.2",
            ["eventType"] = "ReleaseWatch.DeploymentCompleted",
            ["eventTime"] = TimeProvider.System.GetUtcNow().ToString("O"),
            ["dataVersion"] = "1.0",
            ["data"] = Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId),
        });

        var response = await PostAsync(events.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    private string EventGridDelivery(string deploymentId) => new JsonArray(new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["subject"] = "releases/1.4.2",
        ["eventType"] = "ReleaseWatch.DeploymentCompleted",
        ["eventTime"] = "EVENT-TIME",
        ["dataVersion"] = "1.0",
        ["data"] = Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId),
    }).ToJsonString().Replace("\"EVENT-TIME\"", $"\"{_app.Time.GetUtcNow():O}\"", StringComparison.Ordinal);

    public static TheoryData<string, string, string, string> HostileDeliveries => new()
    {
        { "empty array", "\"subject\"", "\"subject\"", "$" },
        { "eventTime garbage", "\"eventTime\":\"", "\"eventTime\":\"garbage\",\"x\":\"", "[0].eventTime" },
        { "eventTime a number", "\"eventTime\":\"", "\"eventTime\":1796205600,\"x\":\"", "[0].eventTime" },
        { "eventType a number", "\"eventType\":\"ReleaseWatch.DeploymentCompleted\"", "\"eventType\":7", "[0].eventType" },
        { "subject an object", "\"subject\":\"releases/1.4.2\"", "\"subject\":{\"a\":1}", "[0].subject" },
        { "lone surrogate in data", "\"version\":\"1.4.2\"", "\"version\":\"\\ud800\"", "[0].data.release.version" },
        { "lone surrogate in the envelope", "\"subject\":\"releases/1.4.2\"", "\"subject\":\"\\udc00\"", "[0].subject" },
    };

    [Theory]
    [MemberData(nameof(HostileDeliveries))]
    public async Task A_hostile_delivery_is_400_naming_the_field_and_starts_nothing(string what, string replace, string with, string field)
    {
        var deploymentId = AzuritePeer.UniqueName("eg");
        var body = what == "empty array" ? "[]" : EventGridDelivery(deploymentId).Replace(replace, with, StringComparison.Ordinal);

        var response = await PostAsync(body, "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: got {response.StatusCode}");
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_whose_deployment_completed_in_year_9999_is_400_naming_completedAt()
    {
        var deploymentId = AzuritePeer.UniqueName("eg");
        var body = System.Text.RegularExpressions.Regex.Replace(EventGridDelivery(deploymentId), "\"completedAt\":\"[^\"]*\"", "\"completedAt\":\"9999-12-31T23:59:59Z\"");

        var response = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("[0].data.completedAt", out _));
    }

    [Fact]
    public async Task A_retried_delivery_after_the_deployment_aged_past_MaxDeploymentAge_answers_200_with_the_same_watch()
    {
        var body = EventGridDelivery(AzuritePeer.UniqueName("eg"));
        var first = await (await PostAsync(body, "application/json")).JsonAsync();
        _app.Time.Advance(TimeSpan.FromHours(25));

        var retry = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var id = first.GetProperty("watches")[0].GetProperty("id").GetString();
        Assert.Equal(id, (await retry.JsonAsync()).GetProperty("watches")[0].GetProperty("id").GetString());
        Assert.Single(await _app.Get<IWatchStore>().GetHistoryAsync(id!, CancellationToken.None), h => h.Event is DeploymentReceived);
    }

    [Fact]
    public async Task A_CloudEvents_delivery_starts_a_watch()
    {
        var deploymentId = AzuritePeer.UniqueName("ce");
        var cloudEvent = CloudEvent(Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId));
        cloudEvent["datacontenttype"] = "application/json";

        var response = await PostAsync(cloudEvent.ToJsonString(), "application/cloudevents+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    [Fact]
    public async Task A_CloudEvent_carrying_its_notice_as_data_base64_starts_a_watch()
    {
        var deploymentId = AzuritePeer.UniqueName("ce64");
        var notice = Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId).ToJsonString();
        var cloudEvent = CloudEvent(null);
        cloudEvent["data_base64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(notice));

        var response = await PostAsync(new JsonArray(cloudEvent).ToJsonString(), "application/cloudevents-batch+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    [Theory]
    [InlineData("specversion", "0.3", "[0].specversion")]
    [InlineData("data_base64", "bm90IGEgbm90aWNl", "[0].data_base64")]
    [InlineData("data_base64", "%%% not base64", "[0].data_base64")]
    public async Task A_CloudEvent_of_another_version_or_with_unreadable_data_is_400_naming_the_member_and_stores_nothing(string member, string value, string field)
    {
        var deploymentId = AzuritePeer.UniqueName("cebad");
        var cloudEvent = CloudEvent(Webhooks.Notice(deploymentId, _app.Time.GetUtcNow(), _app.OrgId));
        cloudEvent[member] = value;
        if (member == "data_base64" && value.Contains('%', StringComparison.Ordinal))
        {
            cloudEvent.Remove("data");
        }

        var response = await PostAsync(cloudEvent.ToJsonString(), "application/cloudevents+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, deploymentId), CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_with_one_bad_event_is_refused_whole_and_stores_nothing()
    {
        var good = AzuritePeer.UniqueName("ok");
        var bad = Webhooks.Notice(AzuritePeer.UniqueName("bad"), _app.Time.GetUtcNow(), _app.OrgId);
        bad["release"]!.AsObject().Remove("version");
        var events = new JsonArray(
            Event(Webhooks.Notice(good, _app.Time.GetUtcNow(), _app.OrgId)),
            Event(bad));

        var response = await PostAsync(events.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[1].data.release.version", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _app.Get<IWatchStore>().GetAsync(WatchId.For(_app.OrgId, good), CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_without_the_key_is_401()
    {
        using var content = new StringContent(ValidationEvent, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/events?key=wrong", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonObject CloudEvent(JsonNode? data)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["type"] = "ReleaseWatch.DeploymentCompleted",
            ["source"] = "/pipelines/release",
            ["id"] = Guid.NewGuid().ToString(),
            ["time"] = TimeProvider.System.GetUtcNow().ToString("O"),
        };
        if (data is not null)
        {
            cloudEvent["data"] = data;
        }

        return cloudEvent;
    }

    private static JsonObject Event(JsonNode data) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["subject"] = "releases",
        ["eventType"] = "ReleaseWatch.DeploymentCompleted",
        ["eventTime"] = TimeProvider.System.GetUtcNow().ToString("O"),
        ["dataVersion"] = "1.0",
        ["data"] = data,
    };

    private Task<HttpResponseMessage> PostAsync(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return _client.PostAsync($"/api/events?key={ReleaseWatchApp.EventGridKey}", content);
    }
}
