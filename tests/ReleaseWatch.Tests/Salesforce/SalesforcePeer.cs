using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>The Faye-based Salesforce streaming test server (tests/peers/salesforce/server.js) on a free port, with its control API.</summary>
public sealed class SalesforcePeer : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private PeerProcess? _process;

    public int Port { get; private set; }

    public Uri InstanceUrl => new($"http://127.0.0.1:{Port}");

    public async Task InitializeAsync()
    {
        Port = FreePort.Next();
        _process = PeerProcess.Start("salesforce-faye", "node", [RepoPaths.Of("tests", "peers", "salesforce", "server.js"), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await _process.WaitForPortAsync(Port, TimeSpan.FromSeconds(20));
    }

    public Task AddTokenAsync(string token) => ControlAsync("tokens", new JsonObject { ["token"] = token });

    public Task ExpireTokensAsync() => ControlAsync("expire-tokens", []);

    public Task RestartAsync() => ControlAsync("restart", []);

    public Task PurgeAsync(string channel, long keepFrom) => ControlAsync("purge", new JsonObject { ["channel"] = channel, ["keepFrom"] = keepFrom });

    /// <summary>Publishes <paramref name="count"/> events with <paramref name="payload"/>; returns the last replay id.</summary>
    public async Task<long> PublishAsync(string channel, JsonObject payload, int count = 1)
    {
        var answer = await ControlAsync("publish", new JsonObject { ["channel"] = channel, ["payload"] = payload, ["count"] = count });
        return answer["last"]!.GetValue<long>();
    }

    /// <summary>
    /// Publishes <paramref name="count"/> events whose payload is exactly <paramref name="payloadJson"/> as written (e.g. with a
    /// lone surrogate escape, which .NET's writer would never send); returns the last replay id.
    /// </summary>
    public async Task<long> PublishTextAsync(string channel, string payloadJson, int count = 1)
    {
        var body = $$"""{"channel":{{System.Text.Json.JsonSerializer.Serialize(channel)}},"payload":{{payloadJson}},"count":{{count}}}""";
        using var response = await _http.PostAsync(new Uri(InstanceUrl, "/control/publish"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["last"]!.GetValue<long>();
    }

    /// <summary>Publishes one event per payload, in order (each payload's fields win over the channel's documented defaults); returns the last replay id.</summary>
    public async Task<long> PublishEachAsync(string channel, IEnumerable<JsonObject> payloads)
    {
        var answer = await ControlAsync("publish", new JsonObject { ["channel"] = channel, ["payloads"] = new JsonArray([.. payloads]) });
        return answer["last"]!.GetValue<long>();
    }

    /// <summary>
    /// Publishes <paramref name="count"/> events delivered as one batch in <paramref name="order"/> ("shuffled" with
    /// <paramref name="seed"/>, or "descending"; null keeps publication order), to every connected client when
    /// <paramref name="toEveryClient"/> (subscribed to the channel or not). Returns the last replay id.
    /// </summary>
    public async Task<long> PublishBatchAsync(string channel, JsonObject payload, int count, string? order = null, int seed = 1, bool toEveryClient = false)
    {
        var body = new JsonObject { ["channel"] = channel, ["payload"] = payload, ["count"] = count, ["seed"] = seed, ["toEveryClient"] = toEveryClient };
        if (order is not null)
        {
            body["order"] = order;
        }

        var answer = await ControlAsync("publish", body);
        return answer["last"]!.GetValue<long>();
    }

    /// <summary>Plays a misbehaviour (see server.js: connect, handshake, replayError); null ends it. Held polls are answered first.</summary>
    public Task MisbehaveAsync(JsonObject? misbehaviour)
    {
        var body = misbehaviour?.DeepClone().AsObject() ?? [];
        body["flush"] = true;
        return ControlAsync("misbehave", body);
    }

    /// <summary>While on, every Bayeux request answers HTTP 503 and the server forgets its clients (as after a restart).</summary>
    public Task OutageAsync(bool on) => ControlAsync("outage", new JsonObject { ["on"] = on });

    /// <summary>Replaces the org's limits (null keeps them) and how GET /services/data/vXX.X/limits fails: "request-limit", "malformed", "server-error" or null.</summary>
    public Task SetLimitsAsync(JsonObject? limits, string? fail = null)
    {
        var body = new JsonObject { ["fail"] = fail };
        if (limits is not null)
        {
            body["limits"] = limits;
        }

        return ControlAsync("limits", body);
    }

    /// <summary>How many /limits requests the server has answered.</summary>
    public async Task<int> LimitsRequestsAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>(new Uri(InstanceUrl, "/control/state")))!["limitsRequests"]!.GetValue<int>();

    public async Task<int> HandshakesAsync() => (await StateAsync()).Handshakes;

    public async Task<SalesforcePeerState> StateAsync()
    {
        var state = (await _http.GetFromJsonAsync<JsonObject>(new Uri(InstanceUrl, "/control/state")))!;
        var requests = state["requests"]!.AsObject();
        return new SalesforcePeerState(
            state["handshakes"]!.GetValue<int>(),
            state["subscriptions"]!.GetValue<int>(),
            requests.ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()),
            state["peakRequestsPerSecond"]!.GetValue<int>(),
            state["rejected"]!.GetValue<int>(),
            state["heldConnects"]!.GetValue<int>());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task<JsonObject> ControlAsync(string action, JsonObject body)
    {
        using var response = await _http.PostAsync(new Uri(InstanceUrl, "/control/" + action), JsonContent.Create(body));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
