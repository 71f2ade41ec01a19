using System.Diagnostics.Metrics;
using ReleaseWatch.Telemetry;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>What watches do, as measurements: phases entered, verdicts, and how long a failure took to breach.</summary>
internal static class WatchMetrics
{
    public const string PhaseTag = "releasewatch.watch.phase";
    public const string MetricTag = "releasewatch.metric";
    public const string VerdictTag = "releasewatch.verdict";

    private static readonly Counter<long> Watches = ReleaseWatchTelemetry.Meter.CreateCounter<long>(
        "releasewatch.watches", "{watch}", "Watches entering each phase (releasewatch.watch.phase), counted once per entry.");

    private static readonly Counter<long> Verdicts = ReleaseWatchTelemetry.Meter.CreateCounter<long>(
        "releasewatch.verdicts", "{verdict}", "Judged checks by metric (releasewatch.metric) and verdict (releasewatch.verdict).");

    private static readonly Histogram<double> DetectionDelay = ReleaseWatchTelemetry.Meter.CreateHistogram<double>(
        "releasewatch.detection.delay", "s", "From a metric's first failed check of a run to the check that breached it (its for, plus waiting for the next check).");

    /// <summary>A watch was created in its first phase.</summary>
    public static void Started(WatchState state) => Watches.Add(1, new KeyValuePair<string, object?>(PhaseTag, state.Phase.ToString()));

    /// <summary>A step was stored: the phase it entered, the verdicts it recorded, the metrics it breached.</summary>
    public static void Stepped(WatchState before, WatchDecision decision)
    {
        var after = decision.State;
        if (after.Phase != before.Phase)
        {
            Watches.Add(1, new KeyValuePair<string, object?>(PhaseTag, after.Phase.ToString()));
        }

        if (decision.Event is SignalsJudged judged && Verdicts.Enabled)
        {
            foreach (var j in judged.Judgements)
            {
                Verdicts.Add(1, new KeyValuePair<string, object?>(MetricTag, j.Metric), new KeyValuePair<string, object?>(VerdictTag, j.Verdict.ToString()));
            }
        }

        foreach (var track in after.Metrics)
        {
            if (track is { Breached: true, FailingSince: { } since } && !before.Track(track.Metric).Breached)
            {
                DetectionDelay.Record((after.UpdatedAt - since).TotalSeconds, new KeyValuePair<string, object?>(MetricTag, track.Metric));
            }
        }
    }
}
