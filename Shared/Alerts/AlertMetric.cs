namespace ReleaseWatch.Alerts;

/// <summary>One judged metric as an alert shows it: observed vs baseline vs threshold over a window.</summary>
public sealed record AlertMetric(
    string Name,
    string Signal,
    string Verdict,
    double? Observed,
    double? Baseline,
    string Threshold,
    string Window,
    double? PValue);
