using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// The traffic of one stream that feeds a metric's signal (<see cref="ChannelTraffic"/>): its recent span, its baseline,
/// and a longer recent span for a sparse stream's silence (<see cref="Judging.Assessment.CheckSpans.LongTrafficLookback"/>;
/// null when it would be no longer than the recent one).
/// </summary>
internal sealed record ChannelTrafficWindows(string Channel, SignalWindow Recent, SignalWindow Baseline, SignalWindow? Long = null);
