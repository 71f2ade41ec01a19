using ReleaseWatch.Commands;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Backtest;

/// <summary>One judgement the watch would have made: when, why, the verdicts, and what it led to.</summary>
internal sealed record BacktestJudgement(
    DateTimeOffset At,
    JudgementTrigger Trigger,
    IReadOnlyList<MetricJudgement> Judgements,
    WatchPhase PhaseAfter,
    IReadOnlyList<string> Breached,
    IReadOnlyList<ReleaseCommand> Commands);
