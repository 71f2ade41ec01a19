using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Backtest;

/// <summary>
/// Runs a policy over a recording as the live service would have: the live classifier counts the events,
/// a watch starts at the deployment, and the same judge and decider take every scheduled check, the end of
/// the window and a nudge at each received failure signal, each at its own instant, until the watch
/// stops judging (breach, verified, inconclusive).
/// </summary>
internal static class Backtester
{
    public const string DeploymentId = "backtest";

    public static async Task<BacktestReport> RunAsync(Recording recording, Policy policy, OrgOptions? org, DateTimeOffset? deployedAt, CancellationToken cancellationToken)
    {
        var orgId = recording.OrgId;
        var signals = RecordedSignals.Classify(recording, SignalClassifier.For(orgId, org?.Salesforce?.Rules ?? []));
        var judge = new CheckJudge(signals, Options.Create(new StreamHealthOptions()), signals, new ErrorHistoryReader(signals));
        var deployed = deployedAt ?? recording.DeploymentFor(policy);
        var notice = new DeploymentNotice(
            DeploymentId, new OrgRef(orgId, org?.Name ?? orgId, org?.Environment ?? ""), new ReleaseRef("recorded", "previous", null),
            deployed, new PipelineRef("backtest", null), policy.Name);
        var state = WatchDecider.Start(WatchId.For(orgId, DeploymentId), new DeploymentReceived(notice, policy.Name, "backtest"), policy, deployed).State;
        var nudges = new Queue<DateTimeOffset>(signals.FailuresReceived.Where(at => at > deployed));
        var judgements = new List<BacktestJudgement>();
        var last = deployed;
        while (state.Phase.IsJudging() && state.Timers.Where(IsJudgement).MinBy(t => t.DueAt) is { } timer)
        {
            // A nudge finds the watch only while it is Watching (capture skips watches still warming up).
            while (nudges.Count > 0 && (nudges.Peek() <= last || state.Phase != WatchPhase.Watching && nudges.Peek() < timer.DueAt))
            {
                nudges.Dequeue();
            }

            var (at, trigger) = nudges.Count > 0 && nudges.Peek() < timer.DueAt
                ? (nudges.Dequeue(), JudgementTrigger.Nudge)
                : (timer.DueAt, timer.Kind.Judges()!.Value);
            signals.AsOf = at;
            var judged = await judge.JudgeAsync(state, policy, trigger, at, cancellationToken);
            var decision = WatchDecider.Decide(state, policy, judged, at);
            var breached = decision.State.Metrics.Where(t => t.Breached && !state.Track(t.Metric).Breached).Select(t => t.Metric).ToList();
            judgements.Add(new BacktestJudgement(at, trigger, judged.Judgements, decision.State.Phase, breached,
                [.. decision.Effects.OfType<SendCommand>().Select(c => c.Command)]));
            state = decision.State;
            last = at;
        }

        return new BacktestReport(recording, policy, deployed, judgements, state);
    }

    private static bool IsJudgement(WatchTimer timer) => timer.Kind.Judges() is not null;
}
