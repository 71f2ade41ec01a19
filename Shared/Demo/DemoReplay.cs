using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Backtest;
using ReleaseWatch.Hosting;
using ReleaseWatch.Intake;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Demo;

/// <summary>
/// The demo: once the service listens, replays the recording's baseline through signal capture (the demo clock
/// standing still), posts a signed deployment to the service's own webhook, starts the clock, then replays the rest as the demo clock reaches each
/// message's time (shifted by whole minutes so the recorded deployment is now), telling signals per minute.
/// </summary>
internal sealed class DemoReplay(
    IOptions<DemoOptions> options,
    DemoClock clock,
    IOrgCatalog orgs,
    PolicyCatalog policies,
    SignalBatchProcessor processor,
    StreamStateStore streams,
    ISignalReader signals,
    DemoNarrator narrator,
    IOptions<IntakeOptions> intake,
    IListeningAddress listening,
    IHttpClientFactory http,
    ILogger<DemoReplay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DemoLogs.Failed(logger, ex.Message, ex);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var baseUrl = await listening.WaitAsync(cancellationToken);
        var path = Path.IsPathRooted(options.Value.Recording) ? options.Value.Recording : Path.Combine(AppContext.BaseDirectory, options.Value.Recording);
        var recording = await Recording.ReadAsync(path, cancellationToken);
        var org = orgs.Find(recording.OrgId) ?? throw new InvalidOperationException(
            $"the recording's org {recording.OrgId} is not under ReleaseWatch:Orgs; add it (Id, Name, Environment) to run the demo.");
        var policy = policies.Resolve(options.Value.Policy, org.Policy);
        var recordedDeployment = recording.DeploymentFor(policy);
        var shift = clock.Origin - recordedDeployment;
        var deployedAt = clock.Origin;
        var classifier = SignalClassifier.For(org.Id, org.Salesforce?.Rules ?? []);
        var names = RecordedSignals.Classify(recording, classifier).Signals.Order(StringComparer.Ordinal).ToList();
        var channels = recording.Messages.Select(m => m.Message["channel"]?.GetValue<string>()).OfType<string>().Distinct().ToList();
        DemoLogs.Starting(logger, recording.Messages.Count, org.Name, org.Id, path, clock.Speed, recordedDeployment, deployedAt);

        await ReportAsync(org.Id, channels, StreamState.Connected, null, cancellationToken);
        foreach (var chunk in recording.Messages.Where(m => m.ReceivedAt < recordedDeployment).Chunk(200))
        {
            await processor.ProcessAsync(org.Id, classifier, [.. chunk.Select(m => DemoMessages.Shift(m.Message, shift))], cancellationToken);
        }

        DemoLogs.BaselineReplayed(logger, clock.GetUtcNow(), (int)policy.BaselineWindow.TotalMinutes,
            await CountsAsync(org.Id, names, deployedAt - policy.BaselineWindow, deployedAt, cancellationToken));
        var watchUrl = await PostDeploymentAsync(baseUrl, org, policy.Name, deployedAt, cancellationToken);
        clock.Run(); // the baseline is in and the watch anchored at Origin: demo time starts now
        var following = narrator.FollowAsync(watchUrl.Split('/')[^1], deployedAt, clock.Real.GetTimestamp(), watchUrl, cancellationToken);

        var minute = deployedAt;
        var rest = recording.Messages.Where(m => m.ReceivedAt >= recordedDeployment).ToList();
        for (var next = 0; next < rest.Count;)
        {
            if (rest[next].ReceivedAt + shift - clock.GetUtcNow() is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            // Everything due by now goes at once: on a busy machine a replay that fell behind the 30x clock catches
            // up in one pass instead of trailing it, which would leave the judge looking at minutes not yet replayed.
            var now = clock.GetUtcNow();
            var end = next;
            while (end < rest.Count && rest[end].ReceivedAt + shift <= now)
            {
                end++;
            }

            end = Math.Max(end, next + 1); // the message waited for is due even if the clock's rounding says not quite
            DateTimeOffset? newest = null;
            foreach (var due in rest[next..end].GroupBy(m => SignalKeys.MinuteStart(m.ReceivedAt + shift)))
            {
                for (; due.Key > minute; minute = minute.AddMinutes(1))
                {
                    await TellMinuteAsync(org.Id, names, minute, deployedAt, cancellationToken);
                }

                newest = (await processor.ProcessAsync(org.Id, classifier, [.. due.Select(m => DemoMessages.Shift(m.Message, shift))], cancellationToken)).Newest ?? newest;
            }

            next = end;
            await ReportAsync(org.Id, channels, StreamState.Connected, newest, cancellationToken);
        }

        await TellMinuteAsync(org.Id, names, minute, deployedAt, cancellationToken);
        await ReportAsync(org.Id, channels, StreamState.Stopped, null, cancellationToken);
        DemoLogs.ReplayFinished(logger, clock.GetUtcNow());
        await following;
    }

    /// <summary>Posts the deployment as a pipeline would: the native webhook, signed with the intake secret. Returns the watch's URL.</summary>
    private async Task<string> PostDeploymentAsync(string baseUrl, OrgOptions org, string policy, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var deploymentId = $"demo-{completedAt.UtcDateTime:yyyyMMdd-HHmm}";
        var body = new JsonObject
        {
            ["deploymentId"] = deploymentId,
            ["org"] = new JsonObject { ["id"] = org.Id, ["name"] = org.Name, ["environment"] = org.Environment },
            ["release"] = new JsonObject { ["version"] = "2.4.0", ["previousVersion"] = "2.3.9", ["commit"] = "5e1f0c2" },
            ["completedAt"] = completedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["pipeline"] = new JsonObject { ["name"] = "demo" },
            ["policy"] = policy,
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/deployments") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(bytes, intake.Value.SigningSecret));
        using var response = await http.CreateClient().SendAsync(request, cancellationToken);
        if (response.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"the deployment webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var watchUrl = baseUrl + location.OriginalString;
        DemoLogs.DeploymentPosted(logger, clock.GetUtcNow(), deploymentId, "2.4.0", $"{baseUrl}/api/deployments", (int)response.StatusCode, policy, watchUrl);
        return watchUrl;
    }

    private async Task TellMinuteAsync(string orgId, IReadOnlyList<string> names, DateTimeOffset minute, DateTimeOffset deployedAt, CancellationToken cancellationToken) =>
        DemoLogs.SignalsPerMinute(logger, minute, $"+{(int)(minute - deployedAt).TotalMinutes}m", await CountsAsync(orgId, names, minute, minute.AddMinutes(1), cancellationToken));

    /// <summary>What capture counted (read back from the buckets) per signal over [from, to).</summary>
    private async Task<string> CountsAsync(string orgId, IReadOnlyList<string> names, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var windows = await Task.WhenAll(names.Select(name => signals.ReadAsync(orgId, name, from, to, cancellationToken)));
        return string.Join(", ", windows.Select(w => $"{w.Signal} {w.Total}"));
    }

    private Task ReportAsync(string orgId, IReadOnlyList<string> channels, StreamState state, DateTimeOffset? newest, CancellationToken cancellationToken) =>
        Task.WhenAll(channels.Select(c => streams.ReportAsync(orgId, c, state, "demo replay", newest, newest is null ? null : clock.GetUtcNow() - newest.Value, cancellationToken)));
}
