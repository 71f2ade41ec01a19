using System.Globalization;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches;

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
                commandId = context.Command(CommandType.Remediate, metric.Name, "warning", Reason(metric, judgement), Action(metric)).CommandId;
            }

            context.Alert(kind, severity, metric.Name, title, judgement.Reason + (commandId is null ? "" : $" Remediation '{metric.OnBreach.RemediationAction}' requested."), [judgement], commandId);
            return;
        }

        switch (metric.OnBreach.Kind)
        {
            case BreachActionKind.Revert:
                Revert(context, policy, metric, judgement, title);
                break;
            case BreachActionKind.Remediate:
                var remediation = context.Command(CommandType.Remediate, metric.Name, "critical", Reason(metric, judgement), Action(metric));
                Respond(context, policy, $"Breached on '{metric.Name}'; remediation '{metric.OnBreach.RemediationAction}' requested.");
                context.Alert(kind, severity, metric.Name, title, $"{judgement.Reason} Remediation '{metric.OnBreach.RemediationAction}' requested.", [judgement], remediation.CommandId);
                break;
            default:
                context.State = context.State with { Phase = WatchPhase.Breached, Outcome = $"Breached on '{metric.Name}'; the policy asks for an alert only." };
                context.Alert(kind, severity, metric.Name, title, judgement.Reason, [judgement]);
                break;
        }
    }

    /// <summary>Issues the revert, or explains why it cannot or must wait.</summary>
    public static void Revert(DecisionContext context, Policy policy, MetricPolicy metric, MetricJudgement judgement, string title)
    {
        var release = context.State.Deployment.Release;
        if (string.IsNullOrEmpty(release.PreviousVersion))
        {
            context.State = context.State with { Phase = WatchPhase.Breached, AwaitingApproval = false, Outcome = $"Breached on '{metric.Name}', but release {release.Version} has no previous version: revert impossible." };
            context.Alert(AlertKind.RevertImpossible, AlertSeverity.Critical, metric.Name, $"Revert impossible: {metric.Name} after release {release.Version}",
                $"{judgement.Reason} The deployment named no previousVersion, so no revert command was sent: on-call must act.", [judgement]);
            return;
        }

        if (policy.RequireApproval && !context.State.AwaitingApproval)
        {
            var deadline = context.Now + policy.DecisionDeadline;
            context.SetTimer(WatchTimerKind.DecisionDeadline, deadline);
            context.State = context.State with
            {
                Phase = WatchPhase.Breached,
                AwaitingApproval = true,
                DecisionDeadlineAt = deadline,
                Outcome = $"Breached on '{metric.Name}'; revert to {release.PreviousVersion} awaits approval until {deadline:u} (then: {policy.DefaultDecision}).",
            };
            context.Alert(AlertKind.ApprovalRequired, AlertSeverity.Critical, metric.Name, $"Approve revert? {metric.Name} after release {release.Version}",
                $"{judgement.Reason} {context.State.Outcome}", [judgement]);
            return;
        }

        var command = context.Command(CommandType.Revert, metric.Name, "critical", Reason(metric, judgement), null);
        Respond(context, policy, $"Breached on '{metric.Name}'; revert to {release.PreviousVersion} requested.");
        context.Alert(AlertKind.Breach, AlertSeverity.Critical, metric.Name, title,
            $"{judgement.Reason} Revert to {release.PreviousVersion} requested (command {command.CommandId}).", [judgement], command.CommandId);
    }

    private static void Respond(DecisionContext context, Policy policy, string outcome)
    {
        context.ClearTimers(WatchTimerKind.DecisionDeadline);
        context.SetTimer(WatchTimerKind.ResponseTimeout, context.Now + policy.ResponseTimeout);
        context.State = context.State with { Phase = WatchPhase.Responding, AwaitingApproval = false, DecisionDeadlineAt = null, Outcome = outcome };
    }

    private static CommandReason Reason(MetricPolicy metric, MetricJudgement judgement) => new(
        metric.Name,
        judgement.Observed,
        judgement.Baseline,
        judgement.Threshold,
        string.Create(CultureInfo.InvariantCulture, $"{judgement.WindowFrom:yyyy-MM-ddTHH:mm:ssZ}/{judgement.WindowTo:yyyy-MM-ddTHH:mm:ssZ}"));

    private static CommandAction? Action(MetricPolicy metric) =>
        metric.OnBreach.RemediationAction is { } name ? new CommandAction(name, metric.OnBreach.Parameters) : null;
}
