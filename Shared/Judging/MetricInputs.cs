using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// What one check of a metric is judged on: raw facts and the instant. The caller chooses the spans: observed =
/// the check's lookback, baseline = the span before the deployment. Denominators are set only for ratio metrics.
/// The judge classifies each stream's health at <paramref name="CheckedAt"/> under <paramref name="Streams"/>' limits.
/// <paramref name="Traffic"/>: the received-event counts of the streams that feed the signal, for silence.
/// <paramref name="Errors"/>: for a newErrors metric, the error tallies of the baseline and of the watch since warm-up.
/// <paramref name="Peers"/>: for a template member judged againstPeers, the other qualifying members' windows over the same spans.
/// </summary>
internal sealed record MetricInputs(
    SignalWindow Observed,
    SignalWindow? ObservedDenominator,
    SignalWindow Baseline,
    SignalWindow? BaselineDenominator,
    DateTimeOffset CheckedAt,
    StreamHealthOptions Streams,
    IReadOnlyList<ChannelTrafficWindows>? Traffic = null,
    ErrorHistory? Errors = null,
    IReadOnlyList<PeerWindows>? Peers = null);

/// <summary>One peer of a template member: its windows over the member's observed and baseline spans.</summary>
internal sealed record PeerWindows(SignalWindow Observed, SignalWindow Baseline);
