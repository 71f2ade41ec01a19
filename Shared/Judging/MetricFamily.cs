using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>
/// A metric template: a metric whose signal holds one '*' ("business.*.created", "traffic.*") stands for one metric
/// per member signal of the family that has enough baseline volume (minBaselineCount, default 20), each named
/// "{template}:{signal}" and judged, tracked and breached on its own.
/// </summary>
internal static class MetricFamily
{
    public static bool IsTemplate(MetricPolicy metric) => metric.Signal.Contains('*', StringComparison.Ordinal);

    public static MetricPolicy Member(MetricPolicy template, string signal) => template with { Name = $"{template.Name}:{signal}", Signal = signal };

    /// <summary>A member is judged only when its baseline holds enough events to judge a change against.</summary>
    public static bool Qualifies(MetricPolicy template, SignalWindow baseline) =>
        baseline.Total >= (template.MinBaselineCount ?? MetricPolicy.DefaultMinBaselineCount) && baseline.Total > 0;

    /// <summary>The policy's metric a judgement or track of that name belongs to: itself, or a member of its template; null when none.</summary>
    public static MetricPolicy? Find(Policy policy, string name)
    {
        if (policy.Metrics.FirstOrDefault(m => m.Name == name) is { } exact)
        {
            return exact;
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var signal = name[(colon + 1)..];
        var template = policy.Metrics.FirstOrDefault(m => IsTemplate(m) && m.Name == name[..colon] && ISignalFamilies.Matches(m.Signal, signal));
        return template is null ? null : Member(template, signal);
    }
}
