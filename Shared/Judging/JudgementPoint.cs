namespace ReleaseWatch.Judging;

/// <summary>When a metric was judged and what its verdict was: the history a failure streak is read from.</summary>
public sealed record JudgementPoint(DateTimeOffset At, Verdict Verdict);
