using ReleaseWatch.Judging;

namespace ReleaseWatch.Watches.Events;

/// <summary>The judge's verdicts for every metric of the policy at <paramref name="CheckedAt"/>, with their evidence.</summary>
public sealed record SignalsJudged(JudgementTrigger Trigger, DateTimeOffset CheckedAt, IReadOnlyList<MetricJudgement> Judgements) : WatchEvent;
