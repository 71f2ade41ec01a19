using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Demo;

/// <summary>
/// Follows the demo's watch in its stored history and outbox and tells each step: phase changes, the
/// verdicts of every check (and of nudges that changed a verdict), commands, alerts, and where commands went.
/// </summary>
internal sealed class DemoNarrator(IWatchStore store, DemoClock clock, ICommandSender commands, ILogger<DemoNarrator> logger)
{
    public async Task FollowAsync(string watchId, DateTimeOffset deployedAt, long postedAt, string watchUrl, CancellationToken cancellationToken)
    {
        var told = 0;
        var phase = WatchPhase.Pending;
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, OutboxItemStatus>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            // The outbox is read before the history, so a command is never told before the step that decided it.
            var outbox = await store.GetOutboxAsync(watchId, cancellationToken);
            foreach (var entry in (await store.GetHistoryAsync(watchId, cancellationToken)).Where(e => e.Version > told).OrderBy(e => e.Version))
            {
                var after = After(entry.At, deployedAt);
                if (entry.Event is SignalsJudged judged && (judged.Trigger != JudgementTrigger.Nudge || judged.Judgements.Any(j => !verdicts.TryGetValue(j.Metric, out var before) || before != j.Verdict)))
                {
                    DemoLogs.Verdicts(logger, entry.At, after, judged.Trigger.ToString().ToLowerInvariant(), string.Join("; ", judged.Judgements.Select(Describe)));
                }

                foreach (var j in (entry.Event as SignalsJudged)?.Judgements ?? [])
                {
                    verdicts[j.Metric] = j.Verdict;
                }

                if (entry.Phase != phase)
                {
                    DemoLogs.PhaseChanged(logger, entry.At, after, phase.ToString(), entry.Phase.ToString(), entry.Note);
                    phase = entry.Phase;
                }

                Tell(entry.Effects, entry.At, after, postedAt);
                told = entry.Version;
            }

            foreach (var item in outbox.Where(i => i.Kind == OutboxItemKind.Command))
            {
                if (!statuses.TryGetValue(item.ItemId, out var known) || known != item.Status)
                {
                    statuses[item.ItemId] = item.Status;
                    DemoLogs.CommandStatus(logger, item.ItemId, item.Status.ToString(), Why(item, watchUrl));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5), clock, cancellationToken);
        }
    }

    private void Tell(IReadOnlyList<WatchEffect> effects, DateTimeOffset at, string after, long postedAt)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case SendCommand { Command: var command }:
                    var reason = command.Reason;
                    DemoLogs.CommandIssued(logger, at, after, command.Type.ToString().ToLowerInvariant(), command.CommandId, reason.Metric,
                        $"observed {Number(reason.Observed)} vs baseline {Number(reason.Baseline)}, threshold {reason.Threshold}, window {reason.Window}",
                        clock.Real.GetElapsedTime(postedAt).TotalSeconds);
                    break;
                case RaiseAlert alert:
                    DemoLogs.AlertRaised(logger, at, after, alert.Severity.ToString(), alert.Title, alert.Summary);
                    break;
            }
        }
    }

    private string Why(OutboxItem item, string watchUrl) => item.Status switch
    {
        OutboxItemStatus.Pending when !commands.Enabled =>
            $"No Service Bus is configured (ReleaseWatch:ServiceBus), so it waits there for a deploy agent: GET {watchUrl} shows it.",
        OutboxItemStatus.Pending => "Sending to Service Bus.",
        OutboxItemStatus.Sent => "Service Bus accepted it: the deploy agent reverts and answers on release-command-results.",
        _ => $"Delivery gave up: {item.LastError}",
    };

    private static string Describe(MetricJudgement j) =>
        j.Observed is { } observed ? $"{j.Metric} {j.Verdict} at {Number(observed)}" : $"{j.Metric} {j.Verdict}";

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "n/a";

    private static string After(DateTimeOffset at, DateTimeOffset deployedAt)
    {
        var span = at - deployedAt;
        return $"+{(int)span.TotalMinutes}m{span.Seconds:00}s";
    }
}
