using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>
/// A Bayeux 1.0 long-polling client (handshake, subscribe, connect, unsubscribe, disconnect) for
/// {instance_url}/cometd/{apiVersion}. It keeps its own cookies (Salesforce pins a client to a server
/// with BAYEUX_BROWSER and sfdc-stream cookies) and sends the bearer token on every request.
/// One instance is one Bayeux session; a new handshake gets a new instance.
/// </summary>
internal sealed class BayeuxClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _accessToken;
    private long _messageId;

    public BayeuxClient(Uri endpoint, string accessToken, HttpMessageHandler? handler = null)
    {
        _endpoint = endpoint;
        _accessToken = accessToken;
        // The connect is a long poll: the per-request timeout comes from the server's advice instead.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string? ClientId { get; private set; }

    /// <summary>The last advice the server gave (handshake or connect).</summary>
    public BayeuxAdvice Advice { get; private set; } = BayeuxAdvice.None;

    public async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["channel"] = "/meta/handshake",
            ["version"] = "1.0",
            ["minimumVersion"] = "1.0",
            ["supportedConnectionTypes"] = new JsonArray("long-polling"),
            ["ext"] = new JsonObject { ["replay"] = true },
        };
        var reply = await ExchangeMetaAsync(request, TimeSpan.FromSeconds(60), cancellationToken);
        ClientId = reply["clientId"]?.GetValue<string>() ?? throw new BayeuxException("/meta/handshake", "no clientId in reply", Advice, null);
    }

    /// <summary>Subscribes with the replay extension: <paramref name="replayId"/> is the last processed id, -1 (new only) or -2 (all retained).</summary>
    public Task SubscribeAsync(string channel, long replayId, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["channel"] = "/meta/subscribe",
            ["clientId"] = ClientId,
            ["subscription"] = channel,
            ["ext"] = new JsonObject { ["replay"] = new JsonObject { [channel] = replayId } },
        };
        return ExchangeMetaAsync(request, TimeSpan.FromSeconds(60), cancellationToken);
    }

    public Task UnsubscribeAsync(string channel, CancellationToken cancellationToken) =>
        ExchangeMetaAsync(new JsonObject { ["channel"] = "/meta/unsubscribe", ["clientId"] = ClientId, ["subscription"] = channel }, TimeSpan.FromSeconds(30), cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) =>
        ExchangeMetaAsync(new JsonObject { ["channel"] = "/meta/disconnect", ["clientId"] = ClientId }, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>One long poll: returns the data messages delivered with it (in server order).</summary>
    public async Task<IReadOnlyList<JsonObject>> ConnectAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["channel"] = "/meta/connect",
            ["clientId"] = ClientId,
            ["connectionType"] = "long-polling",
        };
        // The server may hold the poll for advice.timeout (Salesforce: 110 s); allow that plus slack.
        var hold = (Advice.Timeout ?? TimeSpan.FromSeconds(110)) + TimeSpan.FromSeconds(30);
        var messages = await PostAsync(request, hold, cancellationToken);
        var data = new List<JsonObject>(messages.Count);
        JsonObject? reply = null;
        foreach (var message in messages)
        {
            var channel = message["channel"]?.GetValue<string>();
            if (channel == "/meta/connect")
            {
                reply = message;
            }
            else if (channel is not null && !channel.StartsWith("/meta/", StringComparison.Ordinal))
            {
                data.Add(message);
            }
        }

        if (reply is not null)
        {
            ThrowIfFailed(reply);
        }

        return data;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> ExchangeMetaAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var channel = request["channel"]!.GetValue<string>();
        var messages = await PostAsync(request, timeout, cancellationToken);
        var reply = messages.FirstOrDefault(m => m["channel"]?.GetValue<string>() == channel)
            ?? throw new BayeuxException(channel, "no reply for " + channel, Advice, null);
        ThrowIfFailed(reply);
        return reply;
    }

    private void ThrowIfFailed(JsonObject reply)
    {
        if (reply["advice"] is JsonObject adviceNode)
        {
            // Later advice refines earlier advice; a reply that omits a field keeps the known value.
            var advice = BayeuxAdvice.From(adviceNode);
            Advice = new BayeuxAdvice(advice.Reconnect, advice.Interval ?? Advice.Interval, advice.Timeout ?? Advice.Timeout);
        }

        if (reply["successful"]?.GetValue<bool>() == true)
        {
            return;
        }

        var failureReason = reply["ext"]?["sfdc"]?["failureReason"]?.GetValue<string>();
        throw new BayeuxException(reply["channel"]?.GetValue<string>() ?? "?", reply["error"]?.GetValue<string>(), BayeuxAdvice.From(reply["advice"]), failureReason);
    }

    private async Task<List<JsonObject>> PostAsync(JsonObject message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        message["id"] = Interlocked.Increment(ref _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(new JsonArray(message).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new BayeuxTransportException((int)response.StatusCode, $"{message["channel"]} answered HTTP {(int)response.StatusCode}.");
        }

        var body = await response.Content.ReadAsStringAsync(timeoutSource.Token);
        var parsed = JsonNode.Parse(body);
        return parsed switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => throw new BayeuxTransportException((int)response.StatusCode, $"{message["channel"]} answered a body that is not Bayeux JSON."),
        };
    }
}
