using System.Globalization;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// One line of a watch's timeline: the deployment, the warm-up's end, every check and nudge, phase changes
/// (breach), commands, their results, alerts, operator actions. <see cref="Kind"/> is a stable word the page styles.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string Detail)
{
    /// <summary>The timeline of a watch from its stored history, oldest first.</summary>
    public static IReadOnlyList<TimelineEntry> Of(WatchState state, IReadOnlyList<HistoryEntry> history)
    {
        var entries = new List<TimelineEntry>();
        var phase = (WatchPhase?)null;
        foreach (var entry in history.OrderBy(e => e.Version))
        {
            entries.AddRange(Describe(entry));
            if (phase is not null && entry.Phase != phase)
            {
                entries.Add(new(entry.At, entry.Phase is WatchPhase.Breached ? "breach" : "phase", $"{phase} → {entry.Phase}", entry.Note));
            }

            phase = entry.Phase;
            foreach (var effect in entry.Effects)
            {
                entries.Add(effect switch
                {
                    SendCommand send => new(entry.At, "command", $"Command {send.Command.Type.ToString().ToLowerInvariant()} issued",
                        $"{send.Command.CommandId}: {send.Command.Reason.Metric} observed {MetricChart.Format(send.Command.Reason.Observed)} vs threshold {send.Command.Reason.Threshold}"),
                    RaiseAlert alert => new(entry.At, "alert", $"Alert: {alert.Title}", $"{alert.Kind}, {alert.Severity.ToString().ToLowerInvariant()}: {alert.Summary}"),
                    _ => new(entry.At, "effect", effect.GetType().Name, ""),
                });
            }
        }

        if (state.Policy is { } policy && policy.Warmup > TimeSpan.Zero)
        {
            entries.Add(new(state.Anchor + policy.Warmup, "warmup", "Warm-up ends", $"Checks are judged from {Time(state.Anchor + policy.Warmup)} ({policy.Warmup.TotalMinutes:0.#} min after the deployment)."));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    private static IEnumerable<TimelineEntry> Describe(HistoryEntry entry)
    {
        switch (entry.Event)
        {
            case DeploymentReceived received:
                yield return new(received.Deployment.CompletedAt, "deployment", $"Deployment {received.Deployment.DeploymentId} completed",
                    $"Release {received.Deployment.Release.Version} to {received.Deployment.Org.Name} via {received.Via}; policy {received.PolicyName}.");
                break;
            case SignalsJudged judged:
                yield return new(judged.CheckedAt, judged.Trigger == JudgementTrigger.Nudge ? "nudge" : "check",
                    judged.Trigger switch { JudgementTrigger.Nudge => "Nudge (new failure signal)", JudgementTrigger.WindowEnd => "Final check", _ => "Check" },
                    string.Join("; ", judged.Judgements.Select(j => $"{j.Metric} {j.Verdict}: {MetricChart.Format(j.Observed)} ({j.Threshold})")));
                break;
            case CommandResultReceived result:
                yield return new(result.Result.CompletedAt, "result", $"Command result: {result.Result.Status.ToString().ToLowerInvariant()}",
                    $"{result.Result.CommandId}: {result.Result.Detail}");
                break;
            case OperatorActed acted:
                yield return new(entry.At, "operator", $"{acted.Actor}: {Action(acted.Action)}",
                    (acted.ExtendBy is { } by ? $"by {by.TotalMinutes:0} min. " : "") + (acted.Reason ?? ""));
                break;
            case Superseded superseded:
                yield return new(entry.At, "phase", "Superseded", $"by watch {superseded.ByWatchId} (deployment {superseded.ByDeploymentId})");
                break;
            case DeliveryRecorded delivery:
                yield return new(entry.At, "delivery", "Delivery", $"{delivery.ItemId}: {delivery.What}");
                break;
            case TimerFired timer:
                yield return new(entry.At, "timer", $"Timer: {timer.Kind}", $"due {Time(timer.DueAt)}");
                break;
        }
    }

    internal static string Action(OperatorActionKind action) => action switch
    {
        OperatorActionKind.ApproveRevert => "approve revert",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
