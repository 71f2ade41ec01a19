using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>
/// Collects one step's changes: the evolving state, its effects and notes. Ids of alerts and commands
/// derive from the watch and the step's version, so a retried step produces the very same ids.
/// </summary>
internal sealed class DecisionContext(WatchState state, DateTimeOffset now)
{
    private readonly List<WatchEffect> _effects = [];
    private readonly List<string> _notes = [];

    public WatchState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public int StepVersion { get; } = state.Version + 1;

    public void Note(string note) => _notes.Add(note);

    /// <summary>Raises an alert unless one of this kind was already raised for the metric and nothing changed since.</summary>
    public void Alert(AlertKind kind, AlertSeverity severity, string? metric, string title, string summary, IReadOnlyList<MetricJudgement> evidence, string? commandId = null)
    {
        var key = AlertKey(kind, metric);
        if (State.AlertsRaised.Contains(key))
        {
            return;
        }

        // The id is the outbox row key, where '/', '\\', '#' and '?' are not allowed (a stream-silent alert names its channel).
        var subject = (metric ?? "watch").Replace('/', '!').Replace('\\', '!').Replace('#', '!').Replace('?', '!');
        var id = $"{State.WatchId}-{kind.ToString().ToLowerInvariant()}-{subject}-{StepVersion}";
        _effects.Add(new RaiseAlert(id, kind, severity, title, summary, evidence, commandId));
        State = State with { AlertsRaised = [.. State.AlertsRaised, key] };
    }

    /// <summary>Allows an alert of this kind for the metric again (its state changed, e.g. a source came back).</summary>
    public void Rearm(AlertKind kind, string? metric)
    {
        var key = AlertKey(kind, metric);
        if (State.AlertsRaised.Contains(key))
        {
            State = State with { AlertsRaised = [.. State.AlertsRaised.Where(k => k != key)] };
        }
    }

    public ReleaseCommand Command(CommandType type, string metric, string severity, CommandReason reason, CommandAction? action)
    {
        var deployment = State.Deployment;
        var command = new ReleaseCommand(
            $"{State.WatchId}-{type.ToString().ToLowerInvariant()}-{State.Commands.Count + 1}",
            type,
            State.WatchId,
            deployment.Org,
            new CommandDeployment(deployment.DeploymentId, deployment.CompletedAt, deployment.Pipeline),
            deployment.Release,
            action,
            reason,
            severity,
            Now);
        _effects.Add(new SendCommand(command));
        State = State with { Commands = [.. State.Commands, new IssuedCommand(command.CommandId, type, metric, Now, null, null, null)] };
        return command;
    }

    /// <summary>
    /// The one way a watch starts responding (a revert, a critical remediation): the command goes out, judging and
    /// any decision deadline stop, and the response timeout starts.
    /// </summary>
    public ReleaseCommand Respond(Policy policy, CommandType type, string metric, string severity, CommandReason reason, CommandAction? action, string outcome)
    {
        var command = Command(type, metric, severity, reason, action);
        ClearTimers(WatchTimerKind.DecisionDeadline, WatchTimerKind.Check, WatchTimerKind.WindowEnd);
        SetTimer(WatchTimerKind.ResponseTimeout, Now + policy.ResponseTimeout);
        State = State with { Phase = WatchPhase.Responding, AwaitingApproval = false, DecisionDeadlineAt = null, Outcome = outcome };
        return command;
    }

    public void SetTimer(WatchTimerKind kind, DateTimeOffset dueAt) =>
        State = State with { Timers = [.. State.Timers.Where(t => t.Kind != kind), new WatchTimer(kind, dueAt)] };

    public void ClearTimers(params WatchTimerKind[] kinds) =>
        State = State with { Timers = [.. State.Timers.Where(t => kinds.Length > 0 && !kinds.Contains(t.Kind))] };

    public WatchDecision Decide(WatchEvent @event) => new(
        State with { Version = StepVersion, UpdatedAt = Now },
        @event,
        _effects,
        string.Join(" ", _notes),
        Changed: true);

    private static string AlertKey(AlertKind kind, string? metric) => $"{kind}:{metric ?? "watch"}";
}
