using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseWatch.Intake;
using ReleaseWatch.Tests.Alerts;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// The whole loop on real local peers: Azurite, RabbitMQ (AMQP 1.0), aiosmtpd, an in-test Teams webhook, the
/// orgs' Salesforce stand-ins, and the real executable started standalone as a child process, configured by
/// environment variables only. Ready once every org's stream reports Healthy.
/// </summary>
public sealed class ReleaseLoop : IAsyncDisposable
{
    public const string SigningSecret = "end-to-end-signing-secret";

    private readonly HttpClient _http = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private ReleaseLoop(IReadOnlyList<StreamedOrg> orgs) => Orgs = orgs;

    public IReadOnlyList<StreamedOrg> Orgs { get; }

    public AzuritePeer Azurite { get; } = new();

    public RabbitMqPeer Rabbit { get; } = new();

    public SmtpPeer Smtp { get; } = new();

    public WebhookReceiver Teams { get; private set; } = null!;

    public ServiceProcess Service { get; private set; } = null!;

    public CommandQueue Commands { get; private set; } = null!;

    /// <summary>Starts the peers, then the service with <paramref name="policies"/> (name → policy JSON) and <paramref name="settings"/>.</summary>
    public static async Task<ReleaseLoop> StartAsync(IReadOnlyList<StreamedOrg> orgs, IDictionary<string, string> policies, IDictionary<string, string>? settings = null)
    {
        var loop = new ReleaseLoop(orgs);
        try
        {
            await Task.WhenAll(loop.Azurite.InitializeAsync(), loop.Rabbit.InitializeAsync(), loop.Smtp.InitializeAsync());
            loop.Teams = await WebhookReceiver.StartAsync();
            loop.Service = await ServiceProcess.StartAsync(loop.Settings(policies, settings));
            loop._owned.Add(loop.Service);
            loop.Commands = await CommandQueue.ConnectAsync(loop.Rabbit);
            loop._owned.Add(loop.Commands);
            foreach (var org in orgs)
            {
                await Eventually.WaitUntilAsync(async () => await loop.StreamHealthAsync(org) == "healthy", TimeSpan.FromSeconds(60),
                    $"org {org.Id}'s stream to be healthy\n{loop.Service.Output}");
            }

            return loop;
        }
        catch
        {
            await loop.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts the native webhook, signed, as a deploy pipeline would; returns the watch id.</summary>
    public async Task<string> PostDeploymentAsync(StreamedOrg org, string deploymentId, string? policy = null)
    {
        var body = new JsonObject
        {
            ["deploymentId"] = deploymentId,
            ["org"] = new JsonObject { ["id"] = org.Id, ["name"] = org.Name, ["environment"] = "production" },
            ["release"] = new JsonObject { ["version"] = "1.5.0", ["previousVersion"] = "1.4.9", ["commit"] = "e2e0c0de" },
            ["completedAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["pipeline"] = new JsonObject { ["name"] = "release", ["runUrl"] = "https://ci.example.com/runs/" + deploymentId },
            ["policy"] = policy ?? org.Policy,
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Service.BaseUrl}/api/deployments") { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, SigningSecret));
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/deployments answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    /// <summary>Posts a JSON body to <paramref name="path"/>, signed like the webhook; returns the answer's status and body.</summary>
    public async Task<(int Status, JsonObject? Body)> PostSignedAsync(string path, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Service.BaseUrl}{path}") { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, SigningSecret));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }

    /// <summary>GET <paramref name="path"/> as JSON.</summary>
    public async Task<JsonObject> GetJsonAsync(string path) => (await _http.GetFromJsonAsync<JsonObject>($"{Service.BaseUrl}{path}"))!;

    /// <summary>GET /api/watches/{id}: state, history and outbox.</summary>
    public async Task<JsonObject> WatchAsync(string watchId) =>
        (await _http.GetFromJsonAsync<JsonObject>($"{Service.BaseUrl}/api/watches/{watchId}"))!;

    public async Task<string?> PhaseAsync(string watchId) => (await WatchAsync(watchId))["state"]?["phase"]?.GetValue<string>();

    public async Task<JsonObject> WaitForPhaseAsync(string watchId, string phase, TimeSpan deadline)
    {
        await ExplainingAsync(watchId, () => Eventually.WaitUntilAsync(async () => await PhaseAsync(watchId) == phase, deadline, $"watch {watchId} to be {phase}"));
        return await WatchAsync(watchId);
    }

    /// <summary>Runs a waiting step; if it times out, the failure carries the watch's record and the service's output.</summary>
    public async Task<T> ExplainingAsync<T>(string watchId, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (TimeoutException ex)
        {
            var output = Service.Output;
            throw new TimeoutException($"{ex.Message}\nWatch: {(await WatchAsync(watchId)).ToJsonString()}\nService output (last part):\n{output[Math.Max(0, output.Length - 6000)..]}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        foreach (var org in Orgs)
        {
            await org.DisposeAsync();
        }

        if (Teams is not null)
        {
            await Teams.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Rabbit.DisposeAsync();
        await Azurite.DisposeAsync();
        _http.Dispose();
    }

    private async Task<string?> StreamHealthAsync(StreamedOrg org) =>
        (await _http.GetFromJsonAsync<JsonObject>($"{Service.BaseUrl}/api/orgs/{org.Id}/signals"))?["health"]?.GetValue<string>();

    private Dictionary<string, string> Settings(IDictionary<string, string> policies, IDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = Azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = SigningSecret,
            ["ReleaseWatch__ServiceBus__ConnectionString"] = Rabbit.SasConnectionString,
            // RabbitMQ's address of a queue declared at boot (Service Bus takes the plain queue name).
            ["ReleaseWatch__ServiceBus__AddressPrefix"] = "/amq/queue/",
            ["ReleaseWatch__Teams__WebhookUrl"] = Teams.Url.ToString(),
            ["ReleaseWatch__Email__Host"] = "127.0.0.1",
            ["ReleaseWatch__Email__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["ReleaseWatch__Email__Security"] = "None",
            ["ReleaseWatch__Email__From"] = "releasewatch@example.com",
            ["ReleaseWatch__Email__To__0"] = "oncall@example.com",
            // Windows are seconds long here: the ticker and reconnects must keep up.
            ["ReleaseWatch__Watches__TickInterval"] = "00:00:00.250",
            ["ReleaseWatch__SignalCapture__ReconnectDelay"] = "00:00:00.200",
            ["ReleaseWatch__SignalCapture__MaxReconnectDelay"] = "00:00:01",
            ["ReleaseWatch__PublicBaseUrl"] = "https://releasewatch.example.com/",
        };
        foreach (var (name, json) in policies)
        {
            settings[$"ReleaseWatch__Policies__{name}"] = json;
        }

        for (var i = 0; i < Orgs.Count; i++)
        {
            foreach (var (key, value) in Orgs[i].Settings(i))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
