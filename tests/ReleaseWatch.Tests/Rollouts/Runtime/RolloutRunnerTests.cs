using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Commands;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Rollouts.Runtime;

/// <summary>Rollouts on real Table Storage, through the real runner, ticker, watches and command-result route.</summary>
[Collection(RolloutAzuriteCollection.Name)]
public sealed class RolloutRunnerTests(AzuritePeer azurite)
{
    private static string TwoWaves(string id, string secondOnBreach = "org") => $$"""
        {"rolloutId": "{{id}}", "release": {"version": "2.4.0", "previousVersion": "2.3.1"},
         "waves": [{"name": "canary", "group": {"tier": "canary"}, "bake": "PT5M"},
                   {"name": "production", "group": {"tier": "production"}, "bake": "PT5M", "success": "quorum", "quorum": 0.5, "onBreach": "{{secondOnBreach}}"}]}
        """;

    [Fact]
    public async Task A_verified_canary_wave_puts_the_promote_command_for_the_second_wave_on_the_queue()
    {
        await using var services = new RolloutServices(azurite, canaries: 1, production: 3);
        var rollout = await services.StartAsync(TwoWaves("pkg-" + Guid.NewGuid().ToString("N")));
        var first = Assert.Single(await services.CommandsAsync(rollout.Key));
        Assert.Equal(CommandType.Promote, first.Type);
        Assert.Equal(services.Canaries, first.Orgs!.Select(o => o.Id));

        Assert.Equal(CommandResultOutcome.Accepted, await services.AnswerAsync(first));
        var baking = await services.StateAsync(rollout.Key);
        var canaryWatch = await services.Get<IWatchStore>().GetAsync(baking.Wave.Orgs[0].WatchId!, CancellationToken.None);
        Assert.NotNull(canaryWatch); // the promote result started the wave's watch
        await services.RunMinutesAsync(7);

        var promoted = await services.StateAsync(rollout.Key);
        Assert.Equal(WavePhase.Passed, promoted.Waves[0].Phase);
        Assert.Equal(RolloutPhase.Promoting, promoted.Phase);
        var commands = await services.CommandsAsync(rollout.Key);
        Assert.Equal(2, commands.Count);
        Assert.Equal(services.Production, commands[1].Orgs!.Select(o => o.Id));
        Assert.Equal(2, commands[1].Rollout!.Wave);
    }

    [Fact]
    public async Task A_breaching_canary_halts_the_rollout_alerts_and_no_second_promote_is_ever_decided()
    {
        await using var services = new RolloutServices(azurite, canaries: 2, production: 2);
        var rollout = await services.StartAsync(TwoWaves("pkg-" + Guid.NewGuid().ToString("N")));
        await services.AnswerAsync(Assert.Single(await services.CommandsAsync(rollout.Key)));

        await services.RunMinutesAsync(8, () => services.ErrorsAsync(services.Canaries[1], perMinute: 30));

        var halted = await services.StateAsync(rollout.Key);
        Assert.Equal(RolloutPhase.Halted, halted.Phase);
        Assert.Equal(OrgStanding.Breached, halted.Waves[0].Orgs[1].Standing);
        Assert.Single(await services.CommandsAsync(rollout.Key));
        var outbox = await services.Get<IWatchStore>().GetOutboxAsync(rollout.Key, CancellationToken.None);
        Assert.Contains(outbox, i => i.Kind == OutboxItemKind.Alert && i.Alert!.Kind == ReleaseWatch.Alerts.AlertKind.Breach);
        var breachedWatch = (await services.Get<IWatchStore>().GetAsync(halted.Waves[0].Orgs[1].WatchId!, CancellationToken.None))!.State;
        Assert.Equal(WatchPhase.Responding, breachedWatch.Phase); // the org's own watch reverts it by its policy
    }

    [Fact]
    public async Task A_repeated_request_and_a_redelivered_promote_result_double_nothing()
    {
        await using var services = new RolloutServices(azurite, canaries: 2, production: 1);
        var id = "pkg-" + Guid.NewGuid().ToString("N");
        var rollout = await services.StartAsync(TwoWaves(id));
        await services.StartAsync(TwoWaves(id));
        var promote = Assert.Single(await services.CommandsAsync(rollout.Key));

        await Task.WhenAll(services.AnswerAsync(promote), services.AnswerAsync(promote));

        var state = await services.StateAsync(rollout.Key);
        var history = await services.Get<IRolloutStore>().GetHistoryAsync(rollout.Key, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, state.Version), history.Select(h => h.Version));
        Assert.Single(history, h => h.Event is RolloutCommandResulted);
        Assert.All(state.Wave.Orgs, o => Assert.NotNull(o.WatchId));
        foreach (var org in state.Wave.Orgs)
        {
            var watch = (await services.Get<IWatchStore>().GetAsync(org.WatchId!, CancellationToken.None))!;
            Assert.Equal(1, (await services.Get<IWatchStore>().GetHistoryAsync(org.WatchId!, CancellationToken.None)).Count(h => h.Event is DeploymentReceived));
            Assert.Equal(RolloutKey.DeploymentOf(rollout.Key, 0), watch.State.Deployment.DeploymentId);
        }
    }

    [Fact]
    public async Task A_crash_right_after_the_deploying_step_loses_no_watch_and_doubles_no_promote()
    {
        CrashAfterSaveRolloutStore? crashing = null;
        await using var services = new RolloutServices(azurite, canaries: 2, production: 2, s =>
        {
            s.RemoveAll<IRolloutStore>();
            s.AddSingleton<IRolloutStore>(sp => crashing = new CrashAfterSaveRolloutStore(ActivatorUtilities.CreateInstance<TableRolloutStore>(sp)));
        });
        var rollout = await services.StartAsync(TwoWaves("pkg-" + Guid.NewGuid().ToString("N")));
        var promote = Assert.Single(await services.CommandsAsync(rollout.Key));
        crashing!.Armed = true;

        await Assert.ThrowsAsync<OperationCanceledException>(() => services.AnswerAsync(promote));
        Assert.Equal(CommandResultOutcome.Accepted, await services.AnswerAsync(promote)); // the broker redelivers the result
        var deployed = await services.StateAsync(rollout.Key);
        foreach (var org in deployed.Wave.Orgs)
        {
            Assert.Null(await services.Get<IWatchStore>().GetAsync(org.WatchId!, CancellationToken.None)); // lost in the crash
        }

        await services.RunMinutesAsync(8); // the write-ahead Check timer starts them; they verify; the wave passes

        var promoted = await services.StateAsync(rollout.Key);
        Assert.Equal(WavePhase.Passed, promoted.Waves[0].Phase);
        Assert.Equal(2, (await services.CommandsAsync(rollout.Key)).Count(c => c.Type == CommandType.Promote));
        var history = await services.Get<IRolloutStore>().GetHistoryAsync(rollout.Key, CancellationToken.None);
        Assert.Single(history, h => h.Event is RolloutCommandResulted);
        Assert.Equal(Enumerable.Range(1, promoted.Version), history.Select(h => h.Version));
    }

    [Fact]
    public async Task A_fleet_level_breach_no_single_org_triggers_halts_the_wave()
    {
        await using var services = new RolloutServices(azurite, canaries: 4, production: 1);
        var id = "pkg-" + Guid.NewGuid().ToString("N");
        var rollout = await services.StartAsync($$"""
            {"rolloutId": "{{id}}", "release": {"version": "2.4.0"},
             "waves": [{"name": "canary", "group": {"tier": "canary"}, "bake": "PT5M", "fleet": {"policy": "fleet"} },
                       {"name": "production", "group": {"tier": "production"}, "bake": "PT5M"}]}
            """);
        await services.AnswerAsync(Assert.Single(await services.CommandsAsync(rollout.Key)));

        // 3 errors a minute in each canary: far below any org's 5/min, 12 a minute over the wave.
        await services.RunMinutesAsync(6, async () =>
        {
            foreach (var org in services.Canaries)
            {
                await services.ErrorsAsync(org, perMinute: 3);
            }
        });

        var halted = await services.StateAsync(rollout.Key);
        Assert.Equal(RolloutPhase.Halted, halted.Phase);
        Assert.Contains("fleet-level breach", halted.Outcome);
        Assert.DoesNotContain(halted.Wave.Orgs, o => o.Standing == OrgStanding.Breached);
    }
}
