using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;
using static ReleaseWatch.Tests.Rollouts.Deciding.RolloutScript;

namespace ReleaseWatch.Tests.Rollouts.Deciding;

public sealed class RolloutDeciderTests
{
    [Fact]
    public void A_new_rollout_puts_one_promote_command_naming_every_org_of_the_first_wave_on_the_queue()
    {
        var script = Of(Wave("canary", 3), Wave("rest", 5, firstOrg: 3));

        var promote = Assert.Single(script.Commands);
        Assert.Equal(CommandType.Promote, promote.Type);
        Assert.Equal(script.State.Key, promote.WatchId);
        Assert.Equal([OrgId(0), OrgId(1), OrgId(2)], promote.Orgs!.Select(o => o.Id));
        Assert.Equal(new CommandRollout("pkg-2.4.0", 1, "canary"), promote.Rollout);
        Assert.Equal(RolloutPhase.Promoting, script.State.Phase);
        Assert.Equal(WavePhase.Waiting, script.State.Waves[1].Phase);
    }

    [Fact]
    public void A_succeeded_promote_deploys_the_wave_starts_its_watches_and_writes_its_bake_and_check_timers()
    {
        var script = Of(Wave("canary", 2), Wave("rest", 2, firstOrg: 2));
        script.Advance(TimeSpan.FromMinutes(3));

        var decision = script.PromoteResult();

        Assert.Equal(0, decision.StartWave);
        Assert.Equal(RolloutPhase.Baking, script.State.Phase);
        Assert.All(script.State.Wave.Orgs, o => Assert.Equal(WatchId.For(o.Org.Id, RolloutKey.DeploymentOf(script.State.Key, 0)), o.WatchId));
        Assert.Contains(new WatchTimer(WatchTimerKind.WindowEnd, script.Now + TimeSpan.FromMinutes(30)), script.State.Timers);
        Assert.Contains(script.State.Timers, t => t.Kind == WatchTimerKind.Check);
    }

    [Fact]
    public void A_three_wave_rollout_promotes_each_wave_after_the_one_before_verified_and_completes()
    {
        var script = Of(Wave("canary", 2), Wave("early", 3, firstOrg: 2), Wave("rest", 4, firstOrg: 5));
        for (var wave = 0; wave < 3; wave++)
        {
            script.PromoteResult();
            script.AllWatches(WatchPhase.Verified);
            Assert.Equal(RolloutPhase.Baking, script.State.Phase); // verified, but not baked yet
            script.BakeEnds();
        }

        Assert.Equal(RolloutPhase.Completed, script.State.Phase);
        Assert.All(script.State.Waves, w => Assert.Equal(WavePhase.Passed, w.Phase));
        Assert.Equal([1, 2, 3], script.Commands.Where(c => c.Type == CommandType.Promote).Select(c => c.Rollout!.Wave));
        Assert.Empty(script.State.Timers);
    }

    [Fact]
    public void A_wave_whose_orgs_verified_before_its_bake_time_passes_when_the_bake_ends()
    {
        var script = Of(Wave("canary", 1), Wave("rest", 1, firstOrg: 1));
        script.PromoteResult();
        script.BakeEnds();
        Assert.Equal(RolloutPhase.Baking, script.State.Phase); // baked, but its watch still judges

        script.Watch(0, WatchPhase.Verified);

        Assert.Equal(RolloutPhase.Promoting, script.State.Phase);
        Assert.Equal(1, script.State.Current);
    }

    [Fact]
    public void A_canary_breach_halts_the_rollout_alerts_and_never_promotes_the_next_wave()
    {
        var script = Of(Wave("canary", 3), Wave("rest", 5, firstOrg: 3));
        script.PromoteResult();

        script.Watch(1, WatchPhase.Breached);

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.Equal(WavePhase.Failed, script.State.Waves[0].Phase);
        Assert.Equal(WavePhase.Cancelled, script.State.Waves[1].Phase);
        Assert.Single(script.Commands); // only the first promote: the org's own watch reverts it by its policy
        Assert.Contains(script.Last.Effects.OfType<RaiseAlert>(), a => a.Kind == AlertKind.Breach && a.Severity == AlertSeverity.Critical);
        Assert.Empty(script.State.Timers);
        Assert.Contains("Org 1", script.State.Waves[0].Reason);
    }

    [Fact]
    public void A_breach_in_a_wave_whose_policy_is_revert_the_wave_sends_one_revert_naming_the_rest_of_the_wave()
    {
        var script = Of(Wave("canary", 3, onBreach: BreachScope.Wave), Wave("rest", 5, firstOrg: 3));
        script.PromoteResult();
        script.Watch(0, WatchPhase.Verified);

        script.Watch(2, WatchPhase.Responding);

        var revert = Assert.Single(script.Commands, c => c.Type == CommandType.Revert);
        Assert.Equal([OrgId(0), OrgId(1)], revert.Orgs!.Select(o => o.Id));
        Assert.Equal("2.3.1", revert.Release.PreviousVersion);
        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
    }

    [Fact]
    public void A_quorum_wave_passes_with_95_percent_verified_and_none_breached()
    {
        var script = Of(Wave("canary", 1), Wave("fleet", 20, quorum: 0.95, firstOrg: 1), Wave("last", 1, firstOrg: 21));
        script.PromoteResult();
        script.AllWatches(WatchPhase.Verified);
        script.BakeEnds();
        script.PromoteResult();
        for (var i = 0; i < 19; i++)
        {
            script.Watch(i, WatchPhase.Verified);
        }

        script.BakeEnds();

        Assert.Equal(WavePhase.Passed, script.State.Waves[1].Phase);
        Assert.Equal(2, script.State.Current);
        Assert.Contains("19 of 20", script.State.Waves[1].Reason);
    }

    [Fact]
    public void A_quorum_wave_fails_once_every_org_settled_short_of_its_quorum()
    {
        var script = Of(Wave("fleet", 10, quorum: 0.9), Wave("last", 1, firstOrg: 10));
        script.PromoteResult();
        script.BakeEnds();
        for (var i = 0; i < 8; i++)
        {
            script.Watch(i, WatchPhase.Verified);
        }

        script.Watch(8, WatchPhase.Inconclusive);
        Assert.Equal(RolloutPhase.Baking, script.State.Phase); // 9 of 10 could still verify

        script.Watch(9, WatchPhase.Inconclusive);

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.Contains("8 of 10", script.State.Outcome);
    }

    [Fact]
    public void A_failed_promote_halts_the_rollout_with_the_agents_reason()
    {
        var script = Of(Wave("canary", 2), Wave("rest", 2, firstOrg: 2));

        script.Apply(new RolloutCommandResulted(new CommandResult(script.Commands[0].CommandId, CommandResultStatus.Rejected, "package not found", script.Now)));

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.Contains("package not found", script.State.Outcome);
    }

    [Fact]
    public void A_repeated_command_result_changes_nothing_and_an_unknown_one_is_refused()
    {
        var script = Of(Wave("canary", 2));
        script.PromoteResult();

        Assert.False(script.PromoteResult().Changed);
        Assert.Throws<RolloutTransitionException>(() => script.Apply(new RolloutCommandResulted(new CommandResult($"{script.State.Key}-promote-9", CommandResultStatus.Succeeded, null, script.Now))));
    }

    [Fact]
    public void A_watch_that_is_not_the_rollouts_or_still_judging_changes_nothing()
    {
        var script = Of(Wave("canary", 2));
        script.PromoteResult();

        Assert.False(script.Apply(new WaveWatchSettled("w000000000000000000000000", OrgId(0), WatchPhase.Verified, "")).Changed);
        Assert.False(script.Watch(0, WatchPhase.Watching).Changed);
    }

    [Fact]
    public void A_paused_rollout_holds_after_a_passing_wave_and_resume_promotes_the_next()
    {
        var script = Of(Wave("canary", 1), Wave("rest", 1, firstOrg: 1));
        script.PromoteResult();
        script.Apply(new RolloutOperatorActed(RolloutAction.Pause, "ana", null, "change freeze"));
        script.Watch(0, WatchPhase.Verified);
        script.BakeEnds();
        Assert.Equal(RolloutPhase.Held, script.State.Phase);
        Assert.Single(script.Commands);

        script.Apply(new RolloutOperatorActed(RolloutAction.Resume, "ana", null, null));

        Assert.Equal(RolloutPhase.Promoting, script.State.Phase);
        Assert.Equal(2, script.Commands.Count);
    }

    [Fact]
    public void A_skipped_org_counts_for_nothing_so_the_rest_of_the_wave_can_pass()
    {
        var script = Of(Wave("canary", 3), Wave("rest", 1, firstOrg: 3));
        script.PromoteResult();
        script.Watch(0, WatchPhase.Verified);
        script.Watch(1, WatchPhase.Verified);
        script.BakeEnds();

        script.Apply(new RolloutOperatorActed(RolloutAction.Skip, "ana", OrgId(2), "org decommissioned"));

        Assert.Equal(OrgStanding.Skipped, script.State.Waves[0].Orgs[2].Standing);
        Assert.Equal(WavePhase.Passed, script.State.Waves[0].Phase);
    }

    [Fact]
    public void An_aborted_rollout_promotes_nothing_more_and_refuses_further_actions()
    {
        var script = Of(Wave("canary", 1), Wave("rest", 1, firstOrg: 1));
        script.PromoteResult();

        script.Apply(new RolloutOperatorActed(RolloutAction.Abort, "ana", null, "wrong package"));

        Assert.Equal(RolloutPhase.Aborted, script.State.Phase);
        Assert.Empty(script.State.Timers);
        Assert.False(script.Watch(0, WatchPhase.Verified).State.Waves[0].Phase == WavePhase.Passed);
        Assert.Throws<RolloutTransitionException>(() => script.Apply(new RolloutOperatorActed(RolloutAction.Resume, "ana", null, null)));
    }

    [Fact]
    public void A_skip_of_an_org_outside_the_current_wave_is_refused_with_the_reason()
    {
        var script = Of(Wave("canary", 1), Wave("rest", 1, firstOrg: 1));

        var refused = Assert.Throws<RolloutTransitionException>(() => script.Apply(new RolloutOperatorActed(RolloutAction.Skip, "ana", OrgId(1), null)));

        Assert.Contains("not in wave 1", refused.Message);
    }

    [Fact]
    public void A_fleet_level_breach_that_no_single_org_triggers_halts_the_wave()
    {
        var script = Of(Wave("fleet", 50, fleet: new FleetRule("fleet", null, TimeSpan.FromMinutes(1))), Wave("rest", 1, firstOrg: 50));
        script.PromoteResult();
        var summed = new MetricJudgement("apex-errors", "apex.error", Verdict.Failed, 50, 0, "> 10", script.Now, script.Now, script.Now, script.Now, null,
            "50 errors over the wave", 50, 0, null, null);

        script.Apply(new WaveJudged(0, [summed]));

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.All(script.State.Wave.Orgs, o => Assert.Equal(OrgStanding.Pending, o.Standing)); // no org breached on its own
        Assert.Contains("fleet-level breach", script.State.Outcome);
    }

    [Fact]
    public void A_fleet_metric_halts_only_once_it_has_failed_for_its_for_and_a_pass_restarts_the_run()
    {
        var script = Of(Wave("fleet", 50, fleet: new FleetRule("fleet", null, TimeSpan.FromMinutes(1))), Wave("rest", 1, firstOrg: 50));
        script.PromoteResult();
        FleetHold[] holds = [new("apex-errors", TimeSpan.FromMinutes(3))];
        MetricJudgement Summed(Verdict verdict) => new("apex-errors", "apex.error", verdict, verdict == Verdict.Failed ? 50 : 2, 1, "> 10",
            script.Now, script.Now, script.Now, script.Now, null, "summed over the wave", 50, 60, null, null);

        script.Apply(new WaveJudged(0, [Summed(Verdict.Failed)], holds));
        script.Advance(TimeSpan.FromMinutes(2)).Apply(new WaveJudged(0, [Summed(Verdict.Failed)], holds));
        Assert.Equal(RolloutPhase.Baking, script.State.Phase); // failing for 2 of its 3 minutes
        script.Advance(TimeSpan.FromMinutes(1)).Apply(new WaveJudged(0, [Summed(Verdict.Passed)], holds));
        script.Advance(TimeSpan.FromMinutes(1)).Apply(new WaveJudged(0, [Summed(Verdict.Failed)], holds));
        script.Advance(TimeSpan.FromMinutes(2)).Apply(new WaveJudged(0, [Summed(Verdict.Inconclusive)], holds));
        Assert.Equal(RolloutPhase.Baking, script.State.Phase); // the pass broke the run: 2 minutes again

        script.Advance(TimeSpan.FromMinutes(1)).Apply(new WaveJudged(0, [Summed(Verdict.Failed)], holds));

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.Contains("fleet-level breach", script.State.Outcome);
        Assert.DoesNotContain(script.Commands, c => c.Rollout?.Wave == 2);
    }

    [Fact]
    public void A_healthy_fleet_judgement_records_nothing()
    {
        var script = Of(Wave("fleet", 5, fleet: new FleetRule("fleet", null, TimeSpan.FromMinutes(1))));
        script.PromoteResult();
        var passed = new MetricJudgement("apex-errors", "apex.error", Verdict.Passed, 1, 1, "> 10", script.Now, script.Now, script.Now, script.Now, null, "ok", 1, 60, null, null);

        var decision = script.Apply(new WaveJudged(0, [passed], [new FleetHold("apex-errors", TimeSpan.FromMinutes(3))]));

        Assert.False(decision.Changed);
    }

    [Fact]
    public void A_wave_with_more_orgs_failing_than_its_fleet_share_allows_halts_before_its_bake_ends()
    {
        var script = Of(Wave("fleet", 20, quorum: 0.5, fleet: new FleetRule(null, 0.1, TimeSpan.FromMinutes(1))));
        script.PromoteResult();
        script.Watch(0, WatchPhase.Inconclusive);
        script.Watch(1, WatchPhase.Inconclusive);
        Assert.Equal(RolloutPhase.Baking, script.State.Phase); // 10% failing is allowed

        script.Watch(2, WatchPhase.Inconclusive);

        Assert.Equal(RolloutPhase.Halted, script.State.Phase);
        Assert.Contains("3 of 20", script.State.Outcome);
    }

    [Fact]
    public void A_stale_timer_changes_nothing()
    {
        var script = Of(Wave("canary", 1));
        script.PromoteResult();

        Assert.False(script.Apply(new RolloutTimerFired(WatchTimerKind.WindowEnd, script.Now.AddHours(5))).Changed);
    }

    [Fact]
    public void Past_its_bake_time_a_wave_still_waiting_for_watches_reads_them_again_on_a_later_check()
    {
        var script = Of(Wave("canary", 1));
        script.PromoteResult();
        var check = script.State.Timers.Single(t => t.Kind == WatchTimerKind.Check);
        script.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, script.Apply(new RolloutTimerFired(check.Kind, check.DueAt)).StartWave); // a crash may have lost a watch: start again

        script.BakeEnds();

        Assert.Contains(script.State.Timers, t => t.Kind == WatchTimerKind.Check && t.DueAt > script.Now);
    }

    [Fact]
    public void The_same_history_gives_the_same_commands_and_alert_ids()
    {
        static IEnumerable<string> Ids(RolloutScript s) => s.AllEffects.Select(e => e switch { SendCommand c => c.Command.CommandId, RaiseAlert a => a.AlertId, _ => "" });
        var first = Of(Wave("canary", 2), Wave("rest", 2, firstOrg: 2));
        var second = Of(Wave("canary", 2), Wave("rest", 2, firstOrg: 2));
        foreach (var script in new[] { first, second })
        {
            script.PromoteResult();
            script.AllWatches(WatchPhase.Verified);
            script.BakeEnds();
        }

        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.State, ReleaseWatchJson.Options), System.Text.Json.JsonSerializer.Serialize(second.State, ReleaseWatchJson.Options));
    }
}
