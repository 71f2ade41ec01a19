using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>
/// Which metrics of a policy no channel of an org can feed. Such a metric counts zero for ever and so passes
/// (or, on a drop rule, fails) for the wrong reason: a missing subscription or rule, not the org's behaviour.
/// </summary>
internal static class SignalCoverage
{
    /// <param name="observeOnly">False (default): the metrics that can act; true: the observe-mode ones (a dry run: no
    /// stream for them means the org cannot see that indicator, e.g. latency without Real-Time Event Monitoring).</param>
    public static IReadOnlyList<UncoveredMetric> Uncovered(string orgId, IReadOnlyCollection<string> channels, Policy policy, ISignalSources sources, bool observeOnly = false) =>
    [
        // A template (business.*.created) covers whatever members the org streams; none is no gap.
        .. policy.Metrics
            .Where(m => (m.Mode == MetricMode.Observe) == observeOnly && !MetricFamily.IsTemplate(m))
            .SelectMany(m => new[] { m.Signal, m.Denominator }.OfType<string>().Select(signal => (Metric: m.Name, Signal: signal)))
            .Where(s => !channels.Any(channel => sources.CanFeed(orgId, channel, s.Signal)))
            .Select(s => new UncoveredMetric(policy.Name, s.Metric, s.Signal)),
    ];

    /// <summary>The policy's templates (dependency.*.latency, business.*.created) of which the org has no member signal: it cannot see them.</summary>
    public static IReadOnlyList<UncoveredMetric> Unmatched(string orgId, Policy policy, ISignalFamilies families) =>
    [
        .. policy.Metrics
            .Where(m => MetricFamily.IsTemplate(m) && families.Members(orgId, m.Signal).Count == 0)
            .Select(m => new UncoveredMetric(policy.Name, m.Name, m.Signal)),
    ];
}

/// <summary>A metric of an org's policy that counts a signal none of the org's channels can feed: it can never fail.</summary>
public sealed record UncoveredMetric(string Policy, string Metric, string Signal);
