using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Auth;
using ReleaseWatch.Salesforce.Bayeux;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Keeps one org's streams: token, handshake, subscribe every channel from its checkpoint, then the
/// connect loop until cancelled. Network errors, 5xx and refusals back off with jitter (Polly);
/// a forgotten client handshakes again at once; an invalid token is renewed before the next handshake.
/// </summary>
internal sealed class SignalSubscriber(
    SalesforceTokenSources tokenSources,
    SignalBatchProcessor processor,
    StreamStateStore streams,
    IOptions<SignalCaptureOptions> options,
    TimeProvider time,
    ILogger<SignalSubscriber> logger)
{
    public async Task RunAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var session = new Session(org, SignalClassifier.For(org.Id, org.Salesforce!.Rules), tokenSources.For(org));
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.ReconnectDelay,
                MaxDelay = options.Value.MaxReconnectDelay,
                OnRetry = async args =>
                {
                    SignalCaptureLogs.Reconnecting(logger, args.Outcome.Exception, org.Id, args.AttemptNumber + 1, args.RetryDelay);
                    var state = args.AttemptNumber >= 2 ? StreamState.Failing : StreamState.Reconnecting;
                    await ReportAllAsync(org, state, args.Outcome.Exception?.Message, CancellationToken.None);
                },
            })
            .Build();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await pipeline.ExecuteAsync(async token => await RunSessionAsync(session, token), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a subscriber.
        }

        await ReportAllAsync(org, StreamState.Stopped, null, CancellationToken.None);
    }

    private async Task RunSessionAsync(Session session, CancellationToken cancellationToken)
    {
        var org = session.Org;
        var token = await session.Tokens.GetAsync(session.RenewToken, cancellationToken);
        session.RenewToken = false;
        using var client = new BayeuxClient(new Uri(token.InstanceUrl, $"/cometd/{org.Salesforce!.ApiVersion}"), token.AccessToken);
        try
        {
            await client.HandshakeAsync(cancellationToken);
            await SubscribeAllAsync(client, org, cancellationToken);
            await ReportAllAsync(org, StreamState.Connected, null, cancellationToken);
            var lastReport = time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                var messages = await client.ConnectAsync(cancellationToken);
                var newest = await processor.ProcessAsync(org.Id, session.Classifier, messages, cancellationToken);
                var now = time.GetUtcNow();
                if (newest is not null || now - lastReport > TimeSpan.FromSeconds(15))
                {
                    await ReportAllAsync(org, StreamState.Connected, null, cancellationToken, newest, newest is null ? null : now - newest.Value);
                    lastReport = now;
                }

                if (client.Advice.Interval is { } interval && interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, time, cancellationToken);
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
            await ReportAllAsync(org, StreamState.Reconnecting, ex.Error, cancellationToken);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested && client.ClientId is not null)
            {
                await DisconnectQuietlyAsync(client);
            }
        }
    }

    private async Task SubscribeAllAsync(BayeuxClient client, OrgOptions org, CancellationToken cancellationToken)
    {
        var checkpoints = await streams.ReadCheckpointsAsync(org.Id, cancellationToken);
        foreach (var channel in org.Channels)
        {
            var checkpoint = checkpoints.GetValueOrDefault(channel);
            var replayId = checkpoint?.ReplayId ?? org.Salesforce!.InitialReplayId;
            try
            {
                await client.SubscribeAsync(channel, replayId, cancellationToken);
            }
            catch (BayeuxException ex) when (ex.IsInvalidReplayId)
            {
                var fallback = org.Salesforce!.ReplayFallback;
                SignalCaptureLogs.ReplayRejected(logger, org.Id, channel, replayId, ex.Error, fallback);
                // Events between the last checkpoint and now may be gone: judgements over this span are Inconclusive.
                var gap = new SignalGap(channel, checkpoint?.SavedAt ?? time.GetUtcNow(), time.GetUtcNow(), ex.Error ?? "replay id rejected");
                await streams.RecordGapAsync(org.Id, gap, cancellationToken);
                replayId = fallback;
                await client.SubscribeAsync(channel, replayId, cancellationToken);
            }

            SignalCaptureLogs.Subscribed(logger, org.Id, channel, replayId);
        }
    }

    private static async Task DisconnectQuietlyAsync(BayeuxClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.DisconnectAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or BayeuxException or BayeuxTransportException)
        {
            // Best effort: the server forgets the client after its timeout anyway.
        }
    }

    private Task ReportAllAsync(OrgOptions org, StreamState state, string? detail, CancellationToken cancellationToken, DateTimeOffset? newest = null, TimeSpan? lag = null) =>
        Task.WhenAll(org.Channels.Select(c => streams.ReportAsync(org.Id, c, state, detail, newest, lag, cancellationToken)));

    private sealed class Session(OrgOptions org, SignalClassifier classifier, ISalesforceTokenSource tokens)
    {
        public OrgOptions Org { get; } = org;

        public SignalClassifier Classifier { get; } = classifier;

        public ISalesforceTokenSource Tokens { get; } = tokens;

        public bool RenewToken { get; set; }
    }
}
