using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>What a breach leads to, by the metric's mode (observe / alert / act), severity and onBreach.</summary>
internal static class BreachResponse
{
    public static void Apply(DecisionContext context, Policy policy, MetricPolicy metric, MetricJudgement judgement)
    {
        var version = context.State.Deployment.Release.Version;
        var critical = metric.Severity == MetricSeverity.Critical;
        var severity = critical ? AlertSeverity.Critical : AlertSeverity.Warning;
        var kind = critical ? AlertKind.Breach : AlertKind.Warning;
        var title = $"{(critical ? "Breach" : "Warning")}: {metric.Name} after release {version}";
        if (critical && metric.Mode == MetricMode.Act)
        {
            context.State = context.State with { Breach = judgement };
        }

        switch (metric.Mode)
        {
            case MetricMode.Observe:
                context.Note($"Observe mode: '{metric.Name}' would have breached ({judgement.Reason}); nothing done.");
                return;
            case MetricMode.Alert:
                context.Alert(kind, severity, metric.Name, title, $"{judgement.Reason} Alert mode: no command sent.", [judgement]);
                return;
        }

        if (!critical)
        {
            // Warnings never end the watch; a remediation may run while watching goes on.
            string? commandId = null;
            if (metric.OnBreach.Kind == BreachActionKind.Remediate)
            {
                commandId = context.Command(CommandType.Remediate, metric.Name, "warning", CommandReasons.Of(judgement), Action(metric)).CommandId;
            }

            context.Alert(kind, severity, metric.Name, title, judgement.Reason + (commandId is null ? "" : $" Remediation '{metric.OnBreach.RemediationAction}' requested."), [judgement], commandId);
            return;
        }

        switch (metric.OnBreach.Kind)
        {
            case BreachActionKind.Revert:
                RevertTransition.Apply(context, policy, RevertCause.Breach, judgement, "breach");
                break;
            case BreachActionKind.Remediate:
                var remediation = context.Respond(policy, CommandType.Remediate, metric.Name, "critical", CommandReasons.Of(judgement), Action(metric),
                    $"Breached on '{metric.Name}'; remediation '{metric.OnBreach.RemediationAction}' requested.");
                context.Alert(kind, severity, metric.Name, title, $"{judgement.Reason} Remediation '{metric.OnBreach.RemediationAction}' requested.", [judgement], remediation.CommandId);
                break;
            default:
                context.State = context.State with { Phase = WatchPhase.Breached, Outcome = $"Breached on '{metric.Name}'; the policy asks for an alert only." };
                context.Alert(kind, severity, metric.Name, title, judgement.Reason, [judgement]);
                break;
        }
    }

    private static CommandAction? Action(MetricPolicy metric) =>
        metric.OnBreach.RemediationAction is { } name ? new CommandAction(name, metric.OnBreach.Parameters) : null;
}
