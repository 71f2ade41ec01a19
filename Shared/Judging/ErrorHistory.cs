using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// What a newErrors metric is judged on, gathered by the runtime from the kept failure evidence: the errors of the
/// baseline span counted per fingerprint, and the errors of the watch since warm-up ended (to the check).
/// </summary>
internal sealed record ErrorHistory(ErrorTallies Baseline, ErrorTallies Watch);
