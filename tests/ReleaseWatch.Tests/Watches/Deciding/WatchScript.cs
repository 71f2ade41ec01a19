using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Watches.Deciding;

/// <summary>
/// Drives one watch through the pure decider as the ticker would: fire the earliest expected timer,
/// move the fake clock to it, judge with the scripted verdicts. Collects every effect.
/// </summary>
internal sealed class WatchScript
{
    private readonly Policy _policy;
    private readonly Func<DateTimeOffset, string, Verdict> _verdicts;

    public WatchScript(Policy policy, Func<DateTimeOffset, string, Verdict> verdicts, DeploymentNotice? deployment = null)
    {
        _policy = policy;
        _verdicts = verdicts;
        Time = new FakeTimeProvider(Some.CompletedAt.AddSeconds(5));
        var decision = WatchDecider.Start("w0123456789abcdef01234567", new DeploymentReceived(deployment ?? Some.Deployment(), policy.Name, "test"), policy, Time.GetUtcNow());
        Record(decision);
    }

    public FakeTimeProvider Time { get; }

    public WatchState State { get; private set; } = null!;

    public List<WatchEffect> Effects { get; } = [];

    public List<WatchDecision> Decisions { get; } = [];

    public IEnumerable<SendCommand> Commands => Effects.OfType<SendCommand>();

    public IEnumerable<RaiseAlert> Alerts => Effects.OfType<RaiseAlert>();

    /// <summary>Fires timers until none is due before <paramref name="until"/> or the watch stops expecting any.</summary>
    public WatchScript RunUntil(DateTimeOffset until)
    {
        while (State.Timers.OrderBy(t => t.DueAt).ThenBy(t => t.Kind).FirstOrDefault() is { } next && next.DueAt <= until)
        {
            Time.SetUtcNow(next.DueAt);
            var @event = next.Kind.Judges() is { } trigger ? Judged(trigger) : (WatchEvent)new TimerFired(next.Kind, next.DueAt);
            Apply(@event);
        }

        if (Time.GetUtcNow() < until)
        {
            Time.SetUtcNow(until);
        }

        return this;
    }

    public WatchScript RunToEnd() => RunUntil(Some.CompletedAt.AddHours(6));

    public WatchDecision Apply(WatchEvent @event)
    {
        var decision = WatchDecider.Decide(State, _policy, @event, Time.GetUtcNow());
        Record(decision);
        return decision;
    }

    public SignalsJudged Judged(JudgementTrigger trigger) => new(trigger, Time.GetUtcNow(),
        [.. _policy.Metrics.Select(m => Some.Judgement(m.Name, _verdicts(Time.GetUtcNow(), m.Name), Time.GetUtcNow()))]);

    private void Record(WatchDecision decision)
    {
        Decisions.Add(decision);
        State = decision.State;
        Effects.AddRange(decision.Effects);
    }
}
