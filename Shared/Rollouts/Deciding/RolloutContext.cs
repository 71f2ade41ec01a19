using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>
/// Collects one rollout step's changes: the evolving state, its effects and notes. Command and alert ids derive from
/// the rollout and the step, so a retried step produces the very same ids (the broker deduplicates a resend).
/// </summary>
internal sealed class RolloutContext(RolloutState state, DateTimeOffset now)
{
    /// <summary>How long after a wave is deployed its watches are checked again (started if a crash lost them).</summary>
    internal static readonly TimeSpan EnsureAfter = TimeSpan.FromMinutes(2);

    /// <summary>How often a wave past its bake time, still waiting for watches, reads them again (a lost notification costs at most this).</summary>
    internal static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(5);

    private readonly List<WatchEffect> _effects = [];
    private readonly List<string> _notes = [];

    public RolloutState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public int StepVersion { get; } = state.Version + 1;

    /// <summary>The wave whose watches the runner must start (idempotently) after storing this step.</summary>
    public int? StartWave { get; set; }

    public void Note(string note) => _notes.Add(note);

    public void Wave(int index, Func<WaveState, WaveState> change) =>
        State = State with { Waves = [.. State.Waves.Select((w, i) => i == index ? change(w) : w)] };

    public void Alert(AlertKind kind, AlertSeverity severity, string title, string summary, string? commandId = null) =>
        _effects.Add(new RaiseAlert($"{State.Key}-{kind.ToString().ToLowerInvariant()}-{StepVersion}", kind, severity, title, summary, [], commandId));

    /// <summary>Puts a command naming <paramref name="orgs"/> of wave <paramref name="wave"/> in the outbox (contract "releasewatch.command/v1").</summary>
    public ReleaseCommand Command(CommandType type, int wave, IReadOnlyList<WaveOrg> orgs, string severity, CommandReason reason)
    {
        var name = type.ToString().ToLowerInvariant();
        var command = new ReleaseCommand(
            $"{State.Key}-{name}-{State.Commands.Count + 1}",
            type,
            State.Key,
            orgs[0].Org,
            new CommandDeployment(RolloutKey.DeploymentOf(State.Key, wave), State.Waves[wave].DeployedAt ?? Now, State.Pipeline),
            State.Release,
            null,
            reason,
            severity,
            Now)
        { Orgs = [.. orgs.Select(o => o.Org)], Rollout = new CommandRollout(State.RolloutId, wave + 1, State.Waves[wave].Name) };
        _effects.Add(new SendCommand(command));
        State = State with { Commands = [.. State.Commands, new IssuedCommand(command.CommandId, type, WaveTag(wave), Now, null, null, null)] };
        return command;
    }

    public void SetTimer(WatchTimerKind kind, DateTimeOffset dueAt) =>
        State = State with { Timers = [.. State.Timers.Where(t => t.Kind != kind), new WatchTimer(kind, dueAt)] };

    public void ClearTimers() => State = State with { Timers = [] };

    public RolloutDecision Decide(RolloutEvent @event) =>
        new(State with { Version = StepVersion, UpdatedAt = Now }, @event, _effects, string.Join(" ", _notes), Changed: true) { StartWave = StartWave };

    /// <summary>The tag an issued command carries for its wave ("wave-2"); <see cref="WaveOf"/> reads it back.</summary>
    public static string WaveTag(int wave) => $"wave-{wave + 1}";

    public static int WaveOf(IssuedCommand command) =>
        int.Parse(command.Metric.AsSpan("wave-".Length), System.Globalization.CultureInfo.InvariantCulture) - 1;
}
