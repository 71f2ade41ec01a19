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

    public async Task<int> HandshakesAsync()
    {
        var state = await _http.GetFromJsonAsync<JsonObject>(new Uri(InstanceUrl, "/control/state"));
        return state!["handshakes"]!.GetValue<int>();
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
