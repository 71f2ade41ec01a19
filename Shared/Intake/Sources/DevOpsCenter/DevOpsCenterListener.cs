using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Auth;
using ReleaseWatch.Salesforce.Bayeux;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>
/// Keeps one DevOps Center org's <c>/event/sf_devops__Deployment__e</c> subscription over the CometD client: token,
/// handshake, subscribe from the checkpoint (new events only the first time), then the long-poll loop. Each event is
/// taken (a watch starts or it is logged as unmapped or invalid) before its replay id is checkpointed, so a crash replays
/// it and the intake's idempotence makes that harmless. A session that ends backs off with jitter; an invalid token is renewed.
/// </summary>
internal sealed class DevOpsCenterListener(
    SalesforceTokenSources tokens,
    StreamStateStore streams,
    SourceIntake intake,
    IOptions<SignalCaptureOptions> capture,
    TimeProvider time,
    ILogger<DevOpsCenterListener> logger)
{
    /// <summary>The streams-table partition of the org's checkpoint, apart from its signal channels.</summary>
    public static string CheckpointKey(string orgId) => "devops-center|" + orgId;

    public async Task RunAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(capture.Value.ReconnectDelay, capture.Value.MaxReconnectDelay, Random.Shared);
        var renew = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(org, renew, backoff, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                renew = ex is BayeuxException { IsAuthenticationInvalid: true };
                var delay = backoff.Next((ex as BayeuxException)?.Advice.Interval);
                var expected = ex is BayeuxException or BayeuxTransportException or TimeoutException or HttpRequestException or SalesforceAuthException;
                SourcesLogs.Reconnecting(logger, expected ? null : ex, org.Id, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping during the back-off.
                }
            }
        }
    }

    private async Task RunSessionAsync(OrgOptions org, bool renew, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        var token = await tokens.For(org).GetAsync(renew, cancellationToken);
        using var client = new BayeuxClient(new Uri(token.InstanceUrl, $"/cometd/{org.Salesforce!.ApiVersion}"), token.AccessToken, time);
        await client.HandshakeAsync(cancellationToken);
        await SubscribeAsync(client, org, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var poll = await client.ConnectAsync(cancellationToken);
            foreach (var message in poll.Data.Where(m => BayeuxReplies.Text(m["channel"]) == DevOpsCenterDeploymentEvent.Channel))
            {
                await TakeAsync(org, message, cancellationToken);
            }

            if (poll.Failure is not null)
            {
                throw poll.Failure;
            }

            backoff.Reset();
            if (client.Advice.Interval is { } pause && pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, cancellationToken);
            }
        }
    }

    private async Task SubscribeAsync(BayeuxClient client, OrgOptions org, CancellationToken cancellationToken)
    {
        var checkpoints = await streams.ReadCheckpointsAsync(CheckpointKey(org.Id), cancellationToken);
        var replayId = checkpoints.TryGetValue(DevOpsCenterDeploymentEvent.Channel, out var checkpoint) ? checkpoint.ReplayId : -1;
        try
        {
            await client.SubscribeAsync(DevOpsCenterDeploymentEvent.Channel, replayId, cancellationToken);
        }
        catch (BayeuxException ex) when (ex.IsInvalidReplayId)
        {
            // Older than retention: replaying everything retained would start watches for long-finished deployments.
            SourcesLogs.ReplayRejected(logger, org.Id, replayId, ex.Error);
            replayId = -1;
            await client.SubscribeAsync(DevOpsCenterDeploymentEvent.Channel, replayId, cancellationToken);
        }

        SourcesLogs.Subscribed(logger, org.Id, DevOpsCenterDeploymentEvent.Channel, replayId);
    }

    private async Task TakeAsync(OrgOptions org, JsonObject message, CancellationToken cancellationToken)
    {
        var replayId = message["data"]?["event"]?["replayId"] is JsonValue id && id.TryGetValue<long>(out var value) ? value : -1;
        var reading = DevOpsCenterDeploymentEvent.Read(org.Id, message);
        var outcome = await intake.AcceptAsync(reading, $"{org.Id}/{replayId}", cancellationToken);
        if (outcome.Kind is SourceOutcomeKind.Invalid or SourceOutcomeKind.Refused)
        {
            var detail = outcome.Detail ?? string.Join("; ", outcome.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            SourcesLogs.EventRefused(logger, org.Id, replayId, outcome.Kind.ToString(), detail);
        }

        if (replayId >= 0)
        {
            await streams.SaveCheckpointsAsync(CheckpointKey(org.Id), new Dictionary<string, long> { [DevOpsCenterDeploymentEvent.Channel] = replayId }, cancellationToken);
        }
    }
}
