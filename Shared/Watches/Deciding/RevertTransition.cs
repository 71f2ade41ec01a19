using System.Globalization;
using System.Text.Json.Serialization;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>Why a revert is asked for: a breach, an operator's approval, or the policy's default at the decision deadline.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RevertCause>))]
internal enum RevertCause
{
    Breach,
    Approval,
    Deadline,
}

/// <summary>
/// The one way a watch reverts, whatever asked for it. A breach needs a previous version (else it is a
/// "revert impossible" breach) and waits for approval when the policy requires it; an approval or the deadline's
/// default sends it at once (and a release without a previous version cannot be reverted by them at all).
/// </summary>
internal static class RevertTransition
{
    /// <param name="breach">The breached metric and its judgement when a breach asks; otherwise the watch's stored breach, if any.</param>
    /// <param name="why">How an approval or a deadline came about (who approved, or "policy default ...").</param>
    public static void Apply(DecisionContext context, Policy policy, RevertCause cause, MetricJudgement? breach, string why)
    {
        var state = context.State;
        var release = state.Deployment.Release;
        if (string.IsNullOrEmpty(release.PreviousVersion))
        {
            if (cause != RevertCause.Breach)
            {
                throw new WatchTransitionException($"Watch {state.WatchId}: release {release.Version} names no previousVersion, so it cannot be reverted.");
            }

            context.State = state with { Phase = WatchPhase.Breached, AwaitingApproval = false, Outcome = $"Breached on '{breach!.Metric}', but release {release.Version} has no previous version: revert impossible." };
            context.Alert(AlertKind.RevertImpossible, AlertSeverity.Critical, breach.Metric, $"Revert impossible: {breach.Metric} after release {release.Version}",
                $"{breach.Reason} The deployment named no previousVersion, so no revert command was sent: on-call must act.", [breach]);
            return;
        }

        if (cause == RevertCause.Breach && policy.RequireApproval && !state.AwaitingApproval)
        {
            var deadline = context.Now + policy.DecisionDeadline;
            context.SetTimer(WatchTimerKind.DecisionDeadline, deadline);
            context.State = context.State with
            {
                Phase = WatchPhase.Breached,
                AwaitingApproval = true,
                DecisionDeadlineAt = deadline,
                Outcome = $"Breached on '{breach!.Metric}'; revert to {release.PreviousVersion} awaits approval until {deadline:u} (then: {policy.DefaultDecision}).",
            };
            context.Alert(AlertKind.ApprovalRequired, AlertSeverity.Critical, breach.Metric, $"Approve revert? {breach.Metric} after release {release.Version}",
                $"{breach.Reason} {context.State.Outcome}", [breach]);
            return;
        }

        var evidence = cause == RevertCause.Breach ? breach : state.Breach;
        var reason = evidence is null ? CommandReasons.Inconclusive(why, state.Anchor, context.Now) : CommandReasons.Of(evidence);
        var outcome = cause == RevertCause.Breach
            ? $"Breached on '{evidence!.Metric}'; revert to {release.PreviousVersion} requested."
            : $"Revert to {release.PreviousVersion} requested ({why}).";
        var command = context.Respond(policy, CommandType.Revert, reason.Metric, "critical", reason, null, outcome);
        if (cause == RevertCause.Breach)
        {
            context.Alert(AlertKind.Breach, AlertSeverity.Critical, evidence!.Metric, $"Breach: {evidence.Metric} after release {release.Version}",
                $"{evidence.Reason} Revert to {release.PreviousVersion} requested (command {command.CommandId}).", [evidence], command.CommandId);
        }
        else
        {
            context.Alert(AlertKind.CommandIssued, AlertSeverity.Critical, evidence?.Metric, $"Reverting release {release.Version}",
                context.State.Outcome, evidence is null ? [] : [evidence], command.CommandId);
        }
    }
}

/// <summary>The evidence a command carries (contract "reason"), built in one place from a judgement or an inconclusive watch.</summary>
internal static class CommandReasons
{
    public static CommandReason Of(MetricJudgement judgement) =>
        new(judgement.Metric, judgement.Observed, judgement.Baseline, judgement.Threshold, Window(judgement.WindowFrom, judgement.WindowTo));

    /// <summary>A revert of a watch that never breached (inconclusive): no numbers, the window watched so far.</summary>
    public static CommandReason Inconclusive(string why, DateTimeOffset from, DateTimeOffset to) =>
        new("inconclusive", null, null, why, Window(from, to));

    private static string Window(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-ddTHH:mm:ssZ}/{to:yyyy-MM-ddTHH:mm:ssZ}");
}
