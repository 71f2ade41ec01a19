using System.Diagnostics;
using ReleaseWatch.Outbox;
using ReleaseWatch.Telemetry;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// One trace per watch step. The first step is a child of what delivered the deployment (the webhook's request);
/// every later step (ticker, nudge, result, operator) begins a trace of its own, linked to the watch's origin (the
/// first step's span, stored with the watch) and to what triggered it. Outbox rows carry the span of the step that
/// decided them, so their delivery continues that step's trace.
/// </summary>
internal static class WatchTracing
{
    public const string WatchIdTag = "releasewatch.watch.id";
    public const string OrgIdTag = "releasewatch.org.id";
    public const string DeploymentIdTag = "releasewatch.deployment.id";

    public static Activity? StartFirstStep(string watchId, DeploymentReceived received) =>
        ReleaseWatchTelemetry.Source.StartActivity("watch start")?
            .SetTag(WatchIdTag, watchId)
            .SetTag(OrgIdTag, received.Deployment.Org.Id)
            .SetTag(DeploymentIdTag, received.Deployment.DeploymentId)
            .SetTag("releasewatch.intake.via", received.Via);

    /// <summary>A later step: "watch check" (judging) or "watch step" (any other event).</summary>
    public static Activity? StartStep(string name, string watchId, string what) =>
        ReleaseWatchTelemetry.StartRoot(name)?
            .SetTag(WatchIdTag, watchId)
            .SetTag("releasewatch.watch.trigger", what);

    /// <summary>Once the watch is read: its org and deployment, and the link to its origin (added once across retries).</summary>
    public static void Read(Activity? step, WatchState state)
    {
        if (step is null)
        {
            return;
        }

        step.SetTag(OrgIdTag, state.Org.Id).SetTag(DeploymentIdTag, state.Deployment.DeploymentId);
        if (TraceParent.TryParse(state.TraceParent) is { } origin && !step.Links.Any(l => l.Context == origin))
        {
            step.AddLink(new ActivityLink(origin, new ActivityTagsCollection { ["releasewatch.link"] = "watch origin" }));
        }
    }

    /// <summary>The decision on the current step's span: the event, the phases, every verdict and effect.</summary>
    public static void Decided(WatchState before, WatchDecision decision)
    {
        if (CurrentStep() is not { } step)
        {
            return;
        }

        step.SetTag("releasewatch.watch.event", decision.Event.GetType().Name)
            .SetTag("releasewatch.watch.phase.previous", before.Phase.ToString())
            .SetTag("releasewatch.watch.phase", decision.State.Phase.ToString())
            .SetTag("releasewatch.watch.version", decision.State.Version)
            .SetTag("releasewatch.watch.changed", decision.Changed);
        if (decision.Event is SignalsJudged judged)
        {
            foreach (var j in judged.Judgements)
            {
                step.AddEvent(new ActivityEvent("verdict", tags: new ActivityTagsCollection
                {
                    [WatchMetrics.MetricTag] = j.Metric,
                    [WatchMetrics.VerdictTag] = j.Verdict.ToString(),
                    ["releasewatch.observed"] = j.Observed,
                    ["releasewatch.baseline"] = j.Baseline,
                    ["releasewatch.threshold"] = j.Threshold,
                }));
            }
        }

        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case SendCommand send:
                    step.AddEvent(new ActivityEvent("command", tags: new ActivityTagsCollection
                    {
                        ["releasewatch.command.id"] = send.Command.CommandId,
                        ["releasewatch.command.type"] = send.Command.Type.ToString(),
                    }));
                    break;
                case RaiseAlert raise:
                    step.AddEvent(new ActivityEvent("alert", tags: new ActivityTagsCollection
                    {
                        ["releasewatch.alert.id"] = raise.AlertId,
                        ["releasewatch.alert.kind"] = raise.Kind.ToString(),
                    }));
                    break;
            }
        }
    }

    /// <summary>The outbox rows of a step, each carrying the step's span for its delivery to continue.</summary>
    public static IReadOnlyList<OutboxItem> Stamp(IReadOnlyList<OutboxItem> items) =>
        TraceParent.Of(CurrentStep()) is { } step ? [.. items.Select(i => i with { TraceParent = step })] : items;

    /// <summary>The state to store for a new watch: it remembers its first step's span as its origin.</summary>
    public static WatchDecision WithOrigin(WatchDecision decision, Activity? firstStep) =>
        TraceParent.Of(firstStep) is { } origin ? decision with { State = decision.State with { TraceParent = origin } } : decision;

    private static Activity? CurrentStep() => Activity.Current is { } current && current.Source == ReleaseWatchTelemetry.Source ? current : null;
}
