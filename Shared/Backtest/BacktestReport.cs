using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Backtest;

/// <summary>What a policy would have decided over a recording: every judgement and the watch's final state.</summary>
internal sealed record BacktestReport(Recording Recording, Policy Policy, DateTimeOffset DeployedAt, IReadOnlyList<BacktestJudgement> Judgements, WatchState Final)
{
    /// <summary>The judgements that breached a metric, in order.</summary>
    public IEnumerable<BacktestJudgement> Breaches => Judgements.Where(j => j.Breached.Count > 0);
}

/// <summary>One judgement the watch would have made: when, why, the verdicts, and what it led to.</summary>
internal sealed record BacktestJudgement(
    DateTimeOffset At,
    JudgementTrigger Trigger,
    IReadOnlyList<MetricJudgement> Judgements,
    WatchPhase PhaseAfter,
    IReadOnlyList<string> Breached,
    IReadOnlyList<ReleaseCommand> Commands);
