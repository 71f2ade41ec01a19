using System.Globalization;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Judging;

/// <summary>How numbers, spans and gaps read in thresholds and reasons: invariant, short, UTC.</summary>
internal static class JudgingText
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Unit(MetricMeasure measure) => measure == MetricMeasure.PerMinute ? "/min" : "";

    public static string Value(MetricMeasure measure, double value) => Number(value) + Unit(measure);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Gap(SignalGap gap) => $"gap in {gap.Channel} from {Time(gap.From)} to {Time(gap.To)} ({gap.Reason})";

    public static bool Overlaps(SignalGap gap, DateTimeOffset from, DateTimeOffset to) => gap.From < to && gap.To > from;
}
