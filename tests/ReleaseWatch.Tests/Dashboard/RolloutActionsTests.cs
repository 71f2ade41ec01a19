using ReleaseWatch.Dashboard;
using ReleaseWatch.Deployments;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Tests.Dashboard;

public sealed class RolloutActionsTests
{
    [Theory]
    [InlineData(RolloutPhase.Promoting, false, "pause,abort")]
    [InlineData(RolloutPhase.Baking, true, "resume,abort")]
    [InlineData(RolloutPhase.Held, true, "resume,abort")]
    [InlineData(RolloutPhase.Completed, false, "")]
    [InlineData(RolloutPhase.Halted, false, "")]
    [InlineData(RolloutPhase.Aborted, true, "")]
    public void For_offers_what_the_rollout_decider_accepts_in_that_phase(RolloutPhase phase, bool paused, string expected) =>
        Assert.Equal(expected, string.Join(",", RolloutActions.For(State(phase, paused))));

    [Fact]
    public void Skippable_is_every_org_of_a_baking_wave_not_skipped_yet_and_nothing_once_held()
    {
        var baking = State(RolloutPhase.Baking, paused: false);

        Assert.Equal(["00D000000000001AAA"], RolloutActions.Skippable(baking));
        Assert.Empty(RolloutActions.Skippable(State(RolloutPhase.Held, paused: true)));
    }

    private static RolloutState State(RolloutPhase phase, bool paused)
    {
        WaveOrg Org(string id, OrgStanding standing) => new(new OrgRef(id, id, "production"), "default", null, standing, null);
        var wave = new WaveState("canary", [Org("00D000000000001AAA", OrgStanding.Pending), Org("00D000000000002AAA", OrgStanding.Skipped)],
            TimeSpan.FromMinutes(30), 1, BreachScope.Org, null, WavePhase.Baking, null, null, null);
        var at = new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero);
        return new RolloutState("r0", "pkg", new ReleaseRef("2.4.0", "2.3.1", null), new PipelineRef("push", null), phase, 1, at, at, 0, [wave], [], [], paused, "");
    }
}
