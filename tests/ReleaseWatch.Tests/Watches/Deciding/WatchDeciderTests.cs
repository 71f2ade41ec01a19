using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Watches.Deciding;

public sealed class WatchDeciderTests
{
    private static readonly DateTimeOffset T0 = Some.CompletedAt;

    [Fact]
    public void Start_waits_for_the_warmup_then_checks_every_interval_until_the_window_ends()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed);

        Assert.Equal(WatchPhase.Pending, script.State.Phase);
        Assert.Contains(new WatchTimer(WatchTimerKind.Check, T0.AddMinutes(2)), script.State.Timers);
        Assert.Contains(new WatchTimer(WatchTimerKind.WindowEnd, T0.AddMinutes(10)), script.State.Timers);
        script.RunUntil(T0.AddMinutes(2));
        Assert.Equal(WatchPhase.Watching, script.State.Phase);
        Assert.Contains(new WatchTimer(WatchTimerKind.Check, T0.AddMinutes(3)), script.State.Timers);
    }

    [Fact]
    public void A_clean_window_ends_Verified_with_one_verified_alert_and_no_command()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed).RunToEnd();

        Assert.Equal(WatchPhase.Verified, script.State.Phase);
        Assert.Empty(script.Commands);
        Assert.Equal(AlertKind.Verified, Assert.Single(script.Alerts).Kind);
        Assert.Empty(script.State.Timers);
        Assert.Equal(9, script.State.Track("apex-errors").Checks); // minutes 2..9 plus the window end
    }

    [Fact]
    public void A_sustained_critical_failure_breaches_after_for_and_sends_exactly_one_revert()
    {
        var script = new WatchScript(Some.Policy(), (at, _) => at >= T0.AddMinutes(4) ? Verdict.Failed : Verdict.Passed).RunUntil(T0.AddMinutes(10));

        Assert.Equal(WatchPhase.Responding, script.State.Phase);
        var command = Assert.Single(script.Commands).Command;
        Assert.Equal(CommandType.Revert, command.Type);
        Assert.Equal(T0.AddMinutes(6), command.IssuedAt); // failing since minute 4, held for 2 minutes
        Assert.Equal("apex-errors", command.Reason.Metric);
        Assert.Equal("1.4.1", command.Release.PreviousVersion);
        var breach = Assert.Single(script.Alerts);
        Assert.Equal(AlertKind.Breach, breach.Kind);
        Assert.Equal(command.CommandId, breach.CommandId);
        Assert.Equal([WatchTimerKind.ResponseTimeout], script.State.Timers.Select(t => t.Kind));
    }

    [Fact]
    public void A_failure_that_recovers_before_for_elapses_does_not_breach()
    {
        var script = new WatchScript(Some.Policy(), (at, _) => at == T0.AddMinutes(4) ? Verdict.Failed : Verdict.Passed).RunToEnd();

        Assert.Equal(WatchPhase.Verified, script.State.Phase);
        Assert.Empty(script.Commands);
    }

    [Fact]
    public void A_warning_alerts_once_and_watching_goes_on_to_Verified()
    {
        var warning = Some.Metric("batch-errors", MetricSeverity.Warning, MetricBreachAction.Remediate("rerun-batch"), @for: TimeSpan.Zero);
        var script = new WatchScript(Some.Policy(metrics: warning), (at, _) => at >= T0.AddMinutes(3) ? Verdict.Failed : Verdict.Passed).RunToEnd();

        var alert = Assert.Single(script.Alerts, a => a.Kind == AlertKind.Warning);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        var remediation = Assert.Single(script.Commands).Command;
        Assert.Equal(CommandType.Remediate, remediation.Type);
        Assert.Equal("rerun-batch", remediation.Action!.Name);
        Assert.Equal(WatchPhase.Verified, script.State.Phase);
    }

    [Fact]
    public void Observe_mode_judges_and_records_but_never_acts()
    {
        var observed = Some.Metric(mode: MetricMode.Observe, @for: TimeSpan.Zero);
        var script = new WatchScript(Some.Policy(metrics: observed), (_, _) => Verdict.Failed).RunToEnd();

        Assert.Empty(script.Commands);
        Assert.DoesNotContain(script.Alerts, a => a.Kind == AlertKind.Breach);
        Assert.Contains(script.Decisions, d => d.Note.Contains("would have breached", StringComparison.Ordinal));
    }

    [Fact]
    public void A_breach_without_a_previous_version_raises_revert_impossible_instead_of_a_command()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Failed, Some.Deployment(previousVersion: null)).RunToEnd();

        Assert.Empty(script.Commands);
        Assert.Equal(WatchPhase.Breached, script.State.Phase);
        var alert = Assert.Single(script.Alerts);
        Assert.Equal(AlertKind.RevertImpossible, alert.Kind);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public void Source_errors_alert_the_platform_owner_once_never_revert_and_end_Inconclusive()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Error).RunToEnd();

        Assert.Empty(script.Commands);
        Assert.Single(script.Alerts, a => a.Kind == AlertKind.SourceDown);
        Assert.Single(script.Alerts, a => a.Kind == AlertKind.Inconclusive);
        Assert.Equal(WatchPhase.Verified, script.State.Phase); // default decision accept, applied at the deadline
        Assert.Contains("Accepted by the policy's default", script.State.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inconclusive_watch_waits_for_its_deadline_then_reverts_when_that_is_the_default()
    {
        var script = new WatchScript(Some.Policy(defaultDecision: PolicyDefaultDecision.Revert), (_, _) => Verdict.Inconclusive);

        script.RunUntil(T0.AddMinutes(10));
        Assert.Equal(WatchPhase.Inconclusive, script.State.Phase);
        Assert.Empty(script.Commands);
        script.RunToEnd();
        Assert.Equal(WatchPhase.Responding, script.State.Phase);
        Assert.Equal(T0.AddMinutes(40), Assert.Single(script.Commands).Command.IssuedAt);
    }

    [Fact]
    public void Approval_required_sends_no_command_until_an_operator_approves()
    {
        var script = new WatchScript(Some.Policy(requireApproval: true, metrics: Some.Metric(@for: TimeSpan.Zero)), (_, _) => Verdict.Failed);

        script.RunUntil(T0.AddMinutes(5));
        Assert.Equal(WatchPhase.Breached, script.State.Phase);
        Assert.True(script.State.AwaitingApproval);
        Assert.Empty(script.Commands);
        Assert.Single(script.Alerts, a => a.Kind == AlertKind.ApprovalRequired);

        script.Apply(new OperatorActed(OperatorActionKind.ApproveRevert, "ana@example.com", null, "confirmed on call"));

        Assert.Equal(WatchPhase.Responding, script.State.Phase);
        Assert.Equal("apex-errors", Assert.Single(script.Commands).Command.Reason.Metric);
    }

    [Fact]
    public void Approving_when_nothing_awaits_approval_is_refused_with_a_reason()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed).RunUntil(T0.AddMinutes(3));

        var refusal = Assert.Throws<WatchTransitionException>(() => script.Apply(new OperatorActed(OperatorActionKind.ApproveRevert, "ana", null, null)));
        Assert.Contains("no revert to approve", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Superseded_mid_window_stops_the_watch_and_its_timers()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed).RunUntil(T0.AddMinutes(4));

        script.Apply(new Superseded("wnewer", "deploy-2"));

        Assert.Equal(WatchPhase.Superseded, script.State.Phase);
        Assert.Empty(script.State.Timers);
        Assert.Equal("wnewer", script.State.SupersededBy);
    }

    [Fact]
    public void Abort_cancels_the_watch_and_a_later_action_is_refused()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed).RunUntil(T0.AddMinutes(3));

        script.Apply(new OperatorActed(OperatorActionKind.Abort, "ana", null, "release rolled back by hand"));

        Assert.Equal(WatchPhase.Cancelled, script.State.Phase);
        Assert.Empty(script.State.Timers);
        Assert.Throws<WatchTransitionException>(() => script.Apply(new OperatorActed(OperatorActionKind.Extend, "ana", TimeSpan.FromMinutes(5), null)));
    }

    [Fact]
    public void Extend_moves_the_window_end_and_checks_go_on_until_then()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed).RunUntil(T0.AddMinutes(5));

        script.Apply(new OperatorActed(OperatorActionKind.Extend, "ana", TimeSpan.FromMinutes(15), null));
        Assert.Equal(T0.AddMinutes(25), script.State.WindowEndsAt);
        script.RunUntil(T0.AddMinutes(24));
        Assert.Equal(WatchPhase.Watching, script.State.Phase);
        script.RunToEnd();
        Assert.Equal(WatchPhase.Verified, script.State.Phase);
    }

    [Fact]
    public void A_command_result_moves_a_responding_watch_to_Reverted_and_a_repeat_changes_nothing()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Failed).RunToEnd();
        var command = Assert.Single(script.Commands).Command;
        var result = new CommandResult(command.CommandId, CommandResultStatus.Succeeded, "deployed 1.4.1", T0.AddMinutes(9));

        script.Apply(new CommandResultReceived(result));
        var repeat = script.Apply(new CommandResultReceived(result));

        Assert.Equal(WatchPhase.Reverted, script.State.Phase);
        Assert.False(repeat.Changed);
        Assert.Single(script.Alerts, a => a.Kind == AlertKind.CommandResult);
    }

    [Fact]
    public void A_failed_revert_ends_ResponseFailed_with_a_critical_alert()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Failed).RunToEnd();
        var command = Assert.Single(script.Commands).Command;

        script.Apply(new CommandResultReceived(new CommandResult(command.CommandId, CommandResultStatus.Failed, "sf deploy failed", T0.AddMinutes(9))));

        Assert.Equal(WatchPhase.ResponseFailed, script.State.Phase);
        Assert.Equal(AlertSeverity.Critical, script.Alerts.Last().Severity);
    }

    [Fact]
    public void No_result_within_the_response_timeout_escalates_once()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Failed).RunToEnd();

        Assert.Single(script.Alerts, a => a.Kind == AlertKind.ResponseOverdue);
        Assert.Equal(WatchPhase.Responding, script.State.Phase);
    }

    [Fact]
    public void A_result_for_a_command_the_watch_never_issued_is_refused()
    {
        var script = new WatchScript(Some.Policy(), (_, _) => Verdict.Passed);

        Assert.Throws<WatchTransitionException>(() => script.Apply(new CommandResultReceived(
            new CommandResult("w0123456789abcdef01234567-revert-9", CommandResultStatus.Succeeded, null, T0))));
    }

    [Fact]
    public void A_nudge_during_warmup_is_ignored()
    {
        var script = new WatchScript(Some.Policy(metrics: Some.Metric(@for: TimeSpan.Zero)), (_, _) => Verdict.Failed);

        var decision = script.Apply(script.Judged(JudgementTrigger.Nudge));

        Assert.False(decision.Changed);
        Assert.Equal(WatchPhase.Pending, script.State.Phase);
    }

    [Fact]
    public void The_same_history_gives_the_same_decisions()
    {
        static IEnumerable<string> Run() => new WatchScript(Some.Policy(), (at, _) => at.Minute % 3 == 0 ? Verdict.Failed : Verdict.Passed)
            .RunToEnd().Decisions.Select(d => System.Text.Json.JsonSerializer.Serialize(d, ReleaseWatchJson.Options));

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void An_inconclusive_check_after_a_long_failure_does_not_breach_by_itself()
    {
        // Failed at minute 2, then nothing but Inconclusive: the streak is kept but only a Failed check can breach.
        var script = new WatchScript(Some.Policy(), (at, _) => at == T0.AddMinutes(2) ? Verdict.Failed : Verdict.Inconclusive).RunUntil(T0.AddMinutes(9));

        Assert.Empty(script.Commands);
        Assert.Equal(WatchPhase.Watching, script.State.Phase);
    }
}
