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
    /// <summary>How long a server may hold a /meta/connect when it has not advised (Salesforce advises 110 s).</summary>
    public static readonly TimeSpan DefaultPollTimeout = TimeSpan.FromSeconds(110);

    /// <summary>How much longer than advised a poll is waited for before it is given up (network latency, not a hung server).</summary>
    public static readonly TimeSpan PollMargin = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _accessToken;
    private readonly TimeProvider _time;
    private long _messageId;

    public BayeuxClient(Uri endpoint, string accessToken, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _endpoint = endpoint;
        _accessToken = accessToken;
        _time = time;
        // The connect is a long poll: the per-request timeout comes from the server's advice instead.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string? ClientId { get; private set; }

    /// <summary>The last advice the server gave (handshake or connect).</summary>
    public BayeuxAdvice Advice { get; private set; } = BayeuxAdvice.None;

    /// <summary>How long the server may hold the next /meta/connect: its advised timeout.</summary>
    public TimeSpan PollTimeout => Advice.Timeout ?? DefaultPollTimeout;

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
        ClientId = BayeuxReplies.Text(reply["clientId"]) ?? throw new BayeuxException("/meta/handshake", "no clientId in reply", Advice, null);
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

    /// <summary>
    /// One long poll: the data messages delivered with it (in server order) and the connect's failure, if any. A poll
    /// the server holds past its advised timeout plus <see cref="PollMargin"/> is given up with a <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<BayeuxPoll> ConnectAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["channel"] = "/meta/connect",
            ["clientId"] = ClientId,
            ["connectionType"] = "long-polling",
        };
        var (id, messages) = await PostAsync(request, PollTimeout + PollMargin, cancellationToken);
        var data = new List<JsonObject>(messages.Count);
        foreach (var message in messages)
        {
            if (BayeuxReplies.Text(message["channel"]) is { } channel && !channel.StartsWith("/meta/", StringComparison.Ordinal))
            {
                data.Add(message);
            }
        }

        var reply = BayeuxReplies.Find(messages, "/meta/connect", id);
        if (reply is null)
        {
            // A response without the connect's reply says nothing about the session: treat it as failed, never as a poll to repeat at once.
            return new BayeuxPoll(data, new BayeuxException("/meta/connect", "no reply for /meta/connect", BayeuxAdvice.None, null));
        }

        Remember(reply);
        return new BayeuxPoll(data, BayeuxReplies.FailureOf(reply, "/meta/connect"));
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> ExchangeMetaAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var channel = request["channel"]!.GetValue<string>();
        var (id, messages) = await PostAsync(request, timeout, cancellationToken);
        var reply = BayeuxReplies.Find(messages, channel, id)
            ?? throw new BayeuxException(channel, "no reply for " + channel, BayeuxAdvice.None, null);
        Remember(reply);
        if (BayeuxReplies.FailureOf(reply, channel) is { } failure)
        {
            throw failure;
        }

        return reply;
    }

    /// <summary>Later advice refines earlier advice; a reply that omits a field keeps the known value.</summary>
    private void Remember(JsonObject reply)
    {
        if (reply["advice"] is JsonObject adviceNode)
        {
            var advice = BayeuxAdvice.From(adviceNode);
            Advice = new BayeuxAdvice(advice.Reconnect, advice.Interval ?? Advice.Interval, advice.Timeout ?? Advice.Timeout);
        }
    }

    private async Task<(string Id, List<JsonObject> Messages)> PostAsync(JsonObject message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        message["id"] = id;
        var channel = message["channel"]!.GetValue<string>();
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(new JsonArray(message).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new BayeuxTransportException((int)response.StatusCode, $"{channel} answered HTTP {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var parsed = ParseOrNull(body);
            return parsed switch
            {
                JsonArray array => (id, array.OfType<JsonObject>().ToList()),
                JsonObject single => (id, [single]),
                _ => throw new BayeuxTransportException((int)response.StatusCode, $"{channel} answered a body that is not Bayeux JSON."),
            };
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{channel} got no answer within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private static JsonNode? ParseOrNull(string body)
    {
        try
        {
            return JsonNode.Parse(Classification.LoneSurrogates.Repair(body));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
