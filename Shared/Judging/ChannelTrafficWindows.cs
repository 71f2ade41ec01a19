using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>The traffic of one stream that feeds a metric's signal: its recent span and its baseline (<see cref="ChannelTraffic"/>).</summary>
internal sealed record ChannelTrafficWindows(string Channel, SignalWindow Recent, SignalWindow Baseline);
