namespace ReleaseWatch.Commands;

/// <summary>The evidence behind a command: the metric that breached and the numbers it was judged on.</summary>
public sealed record CommandReason(string Metric, double? Observed, double? Baseline, string Threshold, string Window);
