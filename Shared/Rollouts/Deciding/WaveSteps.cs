using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>A wave's life: promoted, deployed (its watches start), its watches settle, its gate passes or fails.</summary>
internal static class WaveSteps
{
    public static void Promote(RolloutContext context, int index)
    {
        var wave = context.State.Waves[index];
        var command = context.Command(CommandType.Promote, index, wave.Orgs, "info", RolloutDecider.Reason(
            "rollout", index == 0 ? "first wave" : $"wave {index} ({context.State.Waves[index - 1].Name}) passed"));
        context.Wave(index, w => w with { Phase = WavePhase.Promoting });
        context.State = context.State with { Phase = RolloutPhase.Promoting, Current = index, Outcome = $"Promoting wave {index + 1} ({wave.Name}): {wave.Orgs.Count} orgs." };
        context.Note(context.State.Outcome);
        context.Alert(AlertKind.CommandIssued, AlertSeverity.Info, $"Rollout {context.State.RolloutId}: promote wave {index + 1}", context.State.Outcome, command.CommandId);
    }

    /// <summary>The promote result said the wave is deployed: its watches start (by the runner), the bake time runs.</summary>
    public static void Deployed(RolloutContext context, int index, DateTimeOffset completedAt)
    {
        var deployedAt = completedAt < context.Now ? completedAt : context.Now;
        var deployment = RolloutKey.DeploymentOf(context.State.Key, index);
        var wave = context.State.Waves[index];
        context.Wave(index, w => w with
        {
            Phase = WavePhase.Baking,
            DeployedAt = deployedAt,
            BakeEndsAt = deployedAt + w.Bake,
            Orgs = [.. w.Orgs.Select(o => o with { WatchId = WatchId.For(o.Org.Id, deployment) })],
        });
        context.State = context.State with { Phase = RolloutPhase.Baking, Outcome = $"Wave {index + 1} ({wave.Name}) deployed; baking until {deployedAt + wave.Bake:u}." };
        context.SetTimer(WatchTimerKind.WindowEnd, deployedAt + wave.Bake);
        context.SetTimer(WatchTimerKind.Check, context.Now + RolloutContext.EnsureAfter);
        context.StartWave = index;
        context.Note(context.State.Outcome);
    }

    public static RolloutDecision Settle(RolloutState state, WaveWatchSettled settled, DateTimeOffset now)
    {
        var (waveIndex, orgIndex) = Find(state, settled.WatchId);
        if (waveIndex < 0)
        {
            return RolloutDecider.Unchanged(state, settled, $"Watch {settled.WatchId} is not one of this rollout's.");
        }

        var org = state.Waves[waveIndex].Orgs[orgIndex];
        var standing = StandingOf(settled.Phase);
        if (standing is null || org.Standing == OrgStanding.Skipped || (org.Standing == standing && org.Detail == settled.Outcome))
        {
            return RolloutDecider.Unchanged(state, settled, $"Watch {settled.WatchId} ({settled.Phase}) changes nothing.");
        }

        var context = new RolloutContext(state, now);
        context.Wave(waveIndex, w => w with { Orgs = [.. w.Orgs.Select((o, i) => i == orgIndex ? o with { Standing = standing.Value, Detail = settled.Outcome } : o)] });
        context.Note($"{org.Org.Name} ({org.Org.Id}) in wave {waveIndex + 1}: {standing} — {settled.Outcome}");
        if (waveIndex == state.Current && state.Phase == RolloutPhase.Baking)
        {
            Gate(context);
        }

        return context.Decide(settled);
    }

    public static RolloutDecision Wake(RolloutState state, RolloutTimerFired fired, DateTimeOffset now)
    {
        var timer = new WatchTimer(fired.Kind, fired.DueAt);
        if (!state.Timers.Contains(timer) || state.Phase != RolloutPhase.Baking)
        {
            return RolloutDecider.Unchanged(state, fired, $"Stale timer {fired.Kind} at {fired.DueAt:u}.");
        }

        var context = new RolloutContext(state, now);
        context.State = context.State with { Timers = [.. state.Timers.Where(t => t != timer)] };
        if (fired.Kind == WatchTimerKind.Check)
        {
            context.StartWave = state.Current; // idempotent: starts any watch a crash lost
        }

        context.Note(fired.Kind == WatchTimerKind.WindowEnd ? $"Wave {state.Current + 1} baked." : $"Wave {state.Current + 1} looked at again.");
        Gate(context);
        if (context.State.Phase == RolloutPhase.Baking && !context.State.Timers.Any(t => t.Kind == WatchTimerKind.Check) &&
            (context.State.Wave.Fleet?.Policy is not null || now >= context.State.Wave.BakeEndsAt))
        {
            // The fleet metrics are judged at their interval; past the bake time the watches are read again now and then.
            var every = context.State.Wave.Fleet?.Policy is not null ? context.State.Wave.Fleet.Interval : RolloutContext.ReconcileEvery;
            context.SetTimer(WatchTimerKind.Check, now + every);
        }

        return context.Decide(fired);
    }

    /// <summary>The gate: a breach fails the wave at once; after the bake time the wave passes when its quorum verified; it fails when every org settled short of it.</summary>
    public static void Gate(RolloutContext context)
    {
        var wave = context.State.Wave;
        var counted = wave.Orgs.Where(o => o.Standing != OrgStanding.Skipped).ToList();
        var breached = counted.Where(o => o.Standing == OrgStanding.Breached).ToList();
        if (breached.Count > 0)
        {
            Breach(context, breached, counted);
            return;
        }

        if (FleetStep.FailingShareExceeded(wave, counted) is { } fleet)
        {
            RolloutDecider.Halt(context, fleet);
            return;
        }

        var verified = counted.Count(o => o.Standing == OrgStanding.Verified);
        var share = counted.Count == 0 ? 1 : (double)verified / counted.Count;
        var tally = $"{verified} of {counted.Count} orgs verified (need {wave.Quorum:P0})";
        if (context.Now >= wave.BakeEndsAt && share >= wave.Quorum - 1e-9)
        {
            Pass(context, tally);
        }
        else if (counted.All(o => o.Standing != OrgStanding.Pending) && share < wave.Quorum - 1e-9)
        {
            RolloutDecider.Halt(context, $"success criterion not met: {tally}.");
        }
    }

    private static void Pass(RolloutContext context, string tally)
    {
        var index = context.State.Current;
        context.Wave(index, w => w with { Phase = WavePhase.Passed, Reason = $"Passed: {tally} after baking {w.Bake}." });
        context.ClearTimers();
        context.Note($"Wave {index + 1} passed: {tally}.");
        context.Alert(AlertKind.Verified, AlertSeverity.Info, $"Rollout {context.State.RolloutId}: wave {index + 1} passed", context.State.Waves[index].Reason!);
        if (index + 1 == context.State.Waves.Count)
        {
            RolloutDecider.Stop(context, RolloutPhase.Completed, $"Completed: all {context.State.Waves.Count} waves passed.");
        }
        else if (context.State.Paused)
        {
            context.State = context.State with { Phase = RolloutPhase.Held, Outcome = $"Wave {index + 1} passed; paused before wave {index + 2}." };
            context.Note(context.State.Outcome);
        }
        else
        {
            Promote(context, index + 1);
        }
    }

    private static void Breach(RolloutContext context, IReadOnlyList<WaveOrg> breached, IReadOnlyList<WaveOrg> counted)
    {
        var index = context.State.Current;
        var wave = context.State.Wave;
        var names = string.Join(", ", breached.Select(o => $"{o.Org.Name} ({o.Detail})"));
        RolloutDecider.Halt(context, $"breached in {names}.");
        var rest = counted.Where(o => o.Standing != OrgStanding.Breached).ToList();
        if (wave.OnBreach == BreachScope.Wave && rest.Count > 0 && context.State.Release.PreviousVersion is not null)
        {
            var command = context.Command(CommandType.Revert, index, rest, "critical", RolloutDecider.Reason("rollout", $"wave {index + 1} breached in {breached.Count} org(s)"));
            context.Note($"Reverting the rest of wave {index + 1} ({rest.Count} orgs) with {command.CommandId}; each breached org's own watch responds by its policy.");
        }
        else if (wave.OnBreach == BreachScope.Wave && rest.Count > 0)
        {
            context.Note($"The wave cannot be reverted: release {context.State.Release.Version} names no previous version.");
        }
    }

    private static (int Wave, int Org) Find(RolloutState state, string watchId)
    {
        for (var w = 0; w < state.Waves.Count; w++)
        {
            for (var o = 0; o < state.Waves[w].Orgs.Count; o++)
            {
                if (state.Waves[w].Orgs[o].WatchId == watchId)
                {
                    return (w, o);
                }
            }
        }

        return (-1, -1);
    }

    /// <summary>What a watch's phase means to the gate; null while it still judges.</summary>
    private static OrgStanding? StandingOf(WatchPhase phase) => phase switch
    {
        WatchPhase.Verified => OrgStanding.Verified,
        WatchPhase.Breached or WatchPhase.Responding or WatchPhase.Reverted or WatchPhase.Remediated or WatchPhase.ResponseFailed => OrgStanding.Breached,
        WatchPhase.Inconclusive or WatchPhase.Cancelled or WatchPhase.Superseded => OrgStanding.NotVerified,
        _ => null,
    };
}
