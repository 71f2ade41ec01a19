using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Auth;
using ReleaseWatch.Salesforce.Bayeux;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Keeps one org's streams: token, handshake, subscribe every channel from its checkpoint, then the connect loop
/// until cancelled. Every session that ends (network error, 5xx, refusal, the server's "handshake" advice) is
/// followed by a back-off with jitter before the next one, reset once a poll succeeds again; an invalid token is
/// renewed before the next handshake. Events of channels not subscribed are ignored.
/// </summary>
internal sealed class SignalSubscriber(
    SalesforceTokenSources tokenSources,
    SignalBatchProcessor processor,
    StreamStateStore streams,
    IOptions<SignalCaptureOptions> options,
    TimeProvider time,
    ILogger<SignalSubscriber> logger)
{
    /// <summary>How far past its advised timeout an unanswered poll may go before its channels are reported Reconnecting.</summary>
    private static readonly TimeSpan OverdueAllowance = TimeSpan.FromSeconds(2);

    /// <summary>A connected stream with nothing to tell still reports this often (health's StaleAfter is minutes).</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(15);

    /// <summary>An empty poll answered faster than this is not a long poll; two in a row wait ReconnectDelay.</summary>
    private static readonly TimeSpan QuickPoll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Org, string Channel), bool> _unsubscribedLogged = new();

    public async Task RunAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var session = new Session(org, SignalClassifier.For(org.Id, org.Salesforce!.Rules), tokenSources.For(org),
            new ReconnectBackoff(options.Value.ReconnectDelay, options.Value.MaxReconnectDelay, Random.Shared));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(session, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping is the normal end of a subscriber.
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await WaitBeforeNextSessionAsync(session, ex, cancellationToken);
            }
        }

        await ReportAllAsync(org, StreamState.Stopped, null, CancellationToken.None);
    }

    private async Task RunSessionAsync(Session session, CancellationToken cancellationToken)
    {
        var org = session.Org;
        var token = await session.Tokens.GetAsync(session.RenewToken, cancellationToken);
        session.RenewToken = false;
        using var client = new BayeuxClient(new Uri(token.InstanceUrl, $"/cometd/{org.Salesforce!.ApiVersion}"), token.AccessToken, time);
        try
        {
            await client.HandshakeAsync(cancellationToken);
            var countFrom = await SubscribeAllAsync(client, org, cancellationToken);
            await ReportAllAsync(org, StreamState.Connected, null, cancellationToken);
            var lastReport = time.GetUtcNow();
            var quickEmptyPolls = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                var (poll, overdue) = await PollAsync(client, org, cancellationToken);
                var batch = await processor.ProcessAsync(org.Id, session.Classifier, Subscribed(session, poll.Data), cancellationToken, countFrom);
                if (poll.Failure is not null)
                {
                    throw poll.Failure;
                }

                session.Backoff.Reset();
                var now = time.GetUtcNow();
                if (batch.NewestByChannel.Count > 0 || overdue || now - lastReport > ReportEvery)
                {
                    await ReportConnectedAsync(org, batch, now, cancellationToken);
                    lastReport = now;
                }

                quickEmptyPolls = poll.Data.Count == 0 && time.GetElapsedTime(started) < QuickPoll ? quickEmptyPolls + 1 : 0;
                var pause = client.Advice.Interval ?? TimeSpan.Zero;
                if (quickEmptyPolls >= 2 && pause < options.Value.ReconnectDelay)
                {
                    // A server answering empty polls at once would otherwise be polled in a loop.
                    pause = options.Value.ReconnectDelay;
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, time, cancellationToken);
                }
            }
        }
        catch (BayeuxException ex) when (ex.IsAuthenticationInvalid)
        {
            session.RenewToken = true;
            throw;
        }
        catch (BayeuxException ex) when (ex.RequiresHandshake)
        {
            SignalCaptureLogs.Rehandshake(logger, org.Id, ex.Error);
            throw;
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested && client.ClientId is not null)
            {
                await DisconnectQuietlyAsync(client);
            }
        }
    }

    /// <summary>
    /// One long poll. When the server holds it past its advised timeout (plus a little for the network), the org's
    /// channels are reported Reconnecting at once; the client gives the poll up a few seconds later.
    /// </summary>
    private async Task<(BayeuxPoll Poll, bool Overdue)> PollAsync(BayeuxClient client, OrgOptions org, CancellationToken cancellationToken)
    {
        var advised = client.PollTimeout;
        var poll = client.ConnectAsync(cancellationToken);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var due = Task.Delay(advised + OverdueAllowance, time, watch.Token);
        var overdue = false;
        if (await Task.WhenAny(poll, due) == due && due.IsCompletedSuccessfully)
        {
            overdue = true;
            SignalCaptureLogs.PollOverdue(logger, org.Id, advised);
            await ReportAllAsync(org, StreamState.Reconnecting, $"no answer to /meta/connect within the advised {advised.TotalSeconds:0.#} s", cancellationToken);
        }

        await watch.CancelAsync();
        return (await poll, overdue);
    }

    private async Task WaitBeforeNextSessionAsync(Session session, Exception failure, CancellationToken cancellationToken)
    {
        var org = session.Org;
        var delay = session.Backoff.Next((failure as BayeuxException)?.Advice.Interval);
        var expected = failure is BayeuxException or BayeuxTransportException or TimeoutException or HttpRequestException;
        SignalCaptureLogs.Reconnecting(logger, expected ? null : failure, org.Id, session.Backoff.Failures, failure.Message, delay);
        var state = session.Backoff.Failures >= 3 ? StreamState.Failing : StreamState.Reconnecting;
        try
        {
            await ReportAllAsync(org, state, failure.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            // The state could not be stored (storage down too): the wait and the next session go on regardless.
            SignalCaptureLogs.ReportFailed(logger, ex, org.Id);
        }

        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping during the back-off.
        }
    }

    private async Task<IReadOnlyDictionary<string, DateTimeOffset>?> SubscribeAllAsync(BayeuxClient client, OrgOptions org, CancellationToken cancellationToken)
    {
        var salesforce = org.Salesforce!;
        var checkpoints = await streams.ReadCheckpointsAsync(org.Id, cancellationToken);
        var starts = salesforce.InitialReplayId == -1 ? await streams.ReadStreamStartsAsync(org.Id, cancellationToken) : null;
        Dictionary<string, DateTimeOffset>? countFrom = null;
        foreach (var channel in org.Channels)
        {
            var checkpoint = checkpoints.GetValueOrDefault(channel);
            var replayId = checkpoint?.ReplayId ?? salesforce.InitialReplayId;
            if (checkpoint is null && starts is not null)
            {
                if (starts.TryGetValue(channel, out var since))
                {
                    // Subscribed before for new events only, and nothing counted since: events published while this
                    // subscriber was away are retained, so take all of them and leave uncounted those before the first session.
                    replayId = -2;
                    (countFrom ??= new(StringComparer.Ordinal))[channel] = since;
                }
                else
                {
                    await streams.RecordStreamStartAsync(org.Id, channel, time.GetUtcNow(), cancellationToken);
                }
            }

            try
            {
                await client.SubscribeAsync(channel, replayId, cancellationToken);
            }
            catch (BayeuxException ex) when (ex.IsInvalidReplayId)
            {
                var fallback = salesforce.ReplayFallback;
                SignalCaptureLogs.ReplayRejected(logger, org.Id, channel, replayId, ex.Error, fallback);
                // Events between the last checkpoint and now may be gone: judgements over this span are Inconclusive.
                var gap = new SignalGap(channel, checkpoint?.SavedAt ?? time.GetUtcNow(), time.GetUtcNow(), ex.Error ?? "replay id rejected");
                await streams.RecordGapAsync(org.Id, gap, cancellationToken);
                replayId = fallback;
                await client.SubscribeAsync(channel, replayId, cancellationToken);
            }

            SignalCaptureLogs.Subscribed(logger, org.Id, channel, replayId);
        }

        return countFrom;
    }

    /// <summary>The messages of subscribed channels; anything else (a server delivering what was never asked for) is logged once per channel and dropped.</summary>
    private List<JsonObject> Subscribed(Session session, IReadOnlyList<JsonObject> data)
    {
        var kept = new List<JsonObject>(data.Count);
        foreach (var message in data)
        {
            var channel = BayeuxReplies.Text(message["channel"]) ?? "";
            if (session.Channels.Contains(channel))
            {
                kept.Add(message);
            }
            else if (_unsubscribedLogged.TryAdd((session.Org.Id, channel), true))
            {
                SignalCaptureLogs.UnsubscribedChannel(logger, session.Org.Id, channel);
            }
        }

        return kept;
    }

    private static async Task DisconnectQuietlyAsync(BayeuxClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.DisconnectAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException or BayeuxException or BayeuxTransportException)
        {
            // Best effort: the server forgets the client after its timeout anyway.
        }
    }

    /// <summary>Each channel with its own newest event and lag; a channel without events in the batch keeps its last ones.</summary>
    private Task ReportConnectedAsync(OrgOptions org, ProcessedBatch batch, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.WhenAll(org.Channels.Select(c => batch.NewestByChannel.TryGetValue(c, out var newest)
            ? streams.ReportAsync(org.Id, c, StreamState.Connected, null, newest, now - newest, cancellationToken)
            : streams.ReportAsync(org.Id, c, StreamState.Connected, null, null, null, cancellationToken)));

    private Task ReportAllAsync(OrgOptions org, StreamState state, string? detail, CancellationToken cancellationToken) =>
        Task.WhenAll(org.Channels.Select(c => streams.ReportAsync(org.Id, c, state, detail, null, null, cancellationToken)));

    private sealed class Session(OrgOptions org, SignalClassifier classifier, ISalesforceTokenSource tokens, ReconnectBackoff backoff)
    {
        public OrgOptions Org { get; } = org;

        public IReadOnlySet<string> Channels { get; } = new HashSet<string>(org.Channels, StringComparer.Ordinal);

        public SignalClassifier Classifier { get; } = classifier;

        public ISalesforceTokenSource Tokens { get; } = tokens;

        public ReconnectBackoff Backoff { get; } = backoff;

        public bool RenewToken { get; set; }
    }
}
