using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

/// <summary>Tiny builders for judging tests: a deployment at 10:00, windows of whole minutes around it.</summary>
internal static class Some
{
    public static readonly DateTimeOffset DeployedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A window of <paramref name="minutes"/> starting at <paramref name="from"/> with <paramref name="total"/> events spread over its minutes.</summary>
    public static SignalWindow Window(
        string signal, DateTimeOffset from, int minutes, long total,
        SignalSourceHealth health = SignalSourceHealth.Healthy, params SignalGap[] gaps)
    {
        var counts = new Dictionary<DateTimeOffset, long>();
        for (var i = 0; i < minutes && total > 0; i++)
        {
            var share = (total / minutes) + (i < total % minutes ? 1 : 0);
            if (share > 0)
            {
                counts[from.AddMinutes(i)] = share;
            }
        }

        return new SignalWindow("00D000000000001AAA", signal, from, from.AddMinutes(minutes), counts, Reports(health, from.AddMinutes(minutes)), gaps);
    }

    /// <summary>Stream reports that the judge, checking at <paramref name="checkedAt"/> with the default limits, classifies as <paramref name="health"/>.</summary>
    public static IReadOnlyList<ChannelHealth> Reports(SignalSourceHealth health, DateTimeOffset checkedAt) => health switch
    {
        SignalSourceHealth.Unknown => [],
        SignalSourceHealth.Down => [Report(StreamState.Reconnecting, checkedAt)],
        SignalSourceHealth.Lagging => [Report(StreamState.Connected, checkedAt) with { Lag = TimeSpan.FromMinutes(10) }],
        _ => [Report(StreamState.Connected, checkedAt)],
    };

    public static ChannelHealth Report(StreamState state, DateTimeOffset at) => new("/event/LogEntryEvent__e", state, null, at, at, TimeSpan.Zero, null);

    /// <summary>Observed: the <paramref name="observedMinutes"/> after 10:10; baseline: the hour before 10:00.</summary>
    public static MetricInputs Inputs(
        long observed, long baseline, int observedMinutes = 1,
        SignalSourceHealth health = SignalSourceHealth.Healthy, SignalGap[]? observedGaps = null, SignalGap[]? baselineGaps = null,
        string signal = "apex.error") =>
        new(
            Window(signal, DeployedAt.AddMinutes(10), observedMinutes, observed, health, observedGaps ?? []),
            null,
            Window(signal, DeployedAt.AddMinutes(-60), 60, baseline, SignalSourceHealth.Healthy, baselineGaps ?? []),
            null,
            DeployedAt.AddMinutes(10 + observedMinutes),
            new StreamHealthOptions());

    public static MetricInputs RatioInputs(long observed, long observedDenominator, long baseline, long baselineDenominator,
        SignalSourceHealth denominatorHealth = SignalSourceHealth.Healthy) =>
        new(
            Window("api.error", DeployedAt.AddMinutes(10), 5, observed),
            Window("api.request", DeployedAt.AddMinutes(10), 5, observedDenominator, denominatorHealth),
            Window("api.error", DeployedAt.AddMinutes(-60), 60, baseline),
            Window("api.request", DeployedAt.AddMinutes(-60), 60, baselineDenominator),
            DeployedAt.AddMinutes(15),
            new StreamHealthOptions());

    public static MetricPolicy Metric(MetricRule rule, MetricMeasure measure = MetricMeasure.PerMinute, int? minBaselineCount = null, string? denominator = null) => new()
    {
        Name = "apex-errors",
        Signal = measure == MetricMeasure.Ratio ? "api.error" : "apex.error",
        Measure = measure,
        Denominator = denominator,
        FailWhen = rule,
        MinBaselineCount = minBaselineCount,
    };

    public static SignalGap Gap(int fromMinute, int toMinute) =>
        new("/event/LogEntryEvent__e", DeployedAt.AddMinutes(fromMinute), DeployedAt.AddMinutes(toMinute), "replay id too old");
}
