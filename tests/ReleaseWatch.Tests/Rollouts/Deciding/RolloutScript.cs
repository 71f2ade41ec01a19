using ReleaseWatch.Commands;
using ReleaseWatch.Deployments;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Rollouts.Deciding;

/// <summary>Drives the pure rollout decider step by step, keeping every decision, as the runner would.</summary>
internal sealed class RolloutScript
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<RolloutDecision> _decisions = [];

    private RolloutScript(RolloutDecision first)
    {
        _decisions.Add(first);
        Now = Start;
    }

    public DateTimeOffset Now { get; private set; }

    public RolloutState State => _decisions[^1].State;

    public RolloutDecision Last => _decisions[^1];

    public IEnumerable<WatchEffect> AllEffects => _decisions.SelectMany(d => d.Effects);

    public IReadOnlyList<ReleaseCommand> Commands => [.. AllEffects.OfType<SendCommand>().Select(s => s.Command)];

    /// <summary>A rollout of waves with the given org counts (org ids generated), bake 30 minutes, all verified unless said.</summary>
    public static RolloutScript Of(params WavePlan[] waves) =>
        new(RolloutDecider.Start(new RolloutRequested(new RolloutPlan("pkg-2.4.0", new ReleaseRef("2.4.0", "2.3.1", null), new PipelineRef("push", null), waves), "test"), Start));

    public static WavePlan Wave(string name, int orgs, double quorum = 1, BreachScope onBreach = BreachScope.Org, FleetRule? fleet = null, int firstOrg = 0) =>
        new(name, [.. Enumerable.Range(firstOrg, orgs).Select(i => new WaveOrg(new OrgRef(OrgId(i), $"Org {i}", "production"), "default", null, OrgStanding.Pending, null))],
            TimeSpan.FromMinutes(30), quorum, onBreach, fleet);

    public static string OrgId(int i) => $"00D5g{i:D10}EAK";

    public RolloutScript Advance(TimeSpan by)
    {
        Now += by;
        return this;
    }

    public RolloutDecision Apply(RolloutEvent @event)
    {
        var decision = RolloutDecider.Decide(State, @event, Now);
        if (decision.Changed)
        {
            _decisions.Add(decision);
        }

        return decision;
    }

    /// <summary>The deploy agent reports the current wave's promote command.</summary>
    public RolloutDecision PromoteResult(CommandResultStatus status = CommandResultStatus.Succeeded) =>
        Apply(new RolloutCommandResulted(new CommandResult(Commands.Last(c => c.Type == CommandType.Promote).CommandId, status, null, Now)));

    /// <summary>The watch of org <paramref name="index"/> of the current wave reaches <paramref name="phase"/>.</summary>
    public RolloutDecision Watch(int index, WatchPhase phase) =>
        Apply(new WaveWatchSettled(State.Wave.Orgs[index].WatchId!, State.Wave.Orgs[index].Org.Id, phase, $"{phase} by its watch"));

    public void AllWatches(WatchPhase phase)
    {
        for (var i = 0; i < State.Wave.Orgs.Count; i++)
        {
            Watch(i, phase);
        }
    }

    /// <summary>The bake timer of the current wave fires.</summary>
    public RolloutDecision BakeEnds()
    {
        var timer = State.Timers.Single(t => t.Kind == WatchTimerKind.WindowEnd);
        Now = timer.DueAt > Now ? timer.DueAt : Now;
        return Apply(new RolloutTimerFired(timer.Kind, timer.DueAt));
    }
}
