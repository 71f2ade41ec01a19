using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Dependencies;

/// <summary>Probing each org's declared dependencies (ReleaseWatch:Dependencies; the dependencies are ReleaseWatch:Orgs:{i}:Dependencies).</summary>
public sealed class DependencyProbeOptions
{
    /// <summary>Whether to probe at all. Default true: only declared dependencies are probed, and a probe spends nothing of the org's API allocation.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One probe per dependency per interval. Keep it below SignalCapture:Health:StaleAfter (3 min), or the metrics are Error between probes. Default 1 minute.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Also probe while the org has no open watch, so the baseline window before the next deployment holds probes and
    /// relative rules ("latency +80%") can be judged. Default true. False: only while watched (relative rules are then
    /// Inconclusive for lack of baseline).
    /// </summary>
    public bool ProbeBetweenWatches { get; set; } = true;
}

/// <summary>Checks DependencyProbeOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class DependencyProbeOptionsValidator : IValidateOptions<DependencyProbeOptions>;
