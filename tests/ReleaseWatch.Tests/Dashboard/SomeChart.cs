using ReleaseWatch.Alerts;
using ReleaseWatch.Dashboard;

namespace ReleaseWatch.Tests.Dashboard;

/// <summary>A chart like the demo's breach: apex errors per minute rising past "above 5 and 200% above baseline" for 2 minutes.</summary>
internal static class SomeChart
{
    public static readonly DateTimeOffset First = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);

    public static MetricChart Breached()
    {
        double[] observed = [1, 2, 1, 1.5, 2, 1, 2.5, 3, 2, 6.5, 12, 19, 27.5];
        var points = observed.Select((value, i) =>
        {
            var failed = value > 5;
            return new ChartPoint(First.AddSeconds(40 * i), i % 3 == 2 ? "Nudge" : "Check", failed ? "Failed" : "Passed", value, 1.5, null, 4.5, null, (long)value, failed ? "above 5/min" : "within bounds");
        }).ToList();
        return new MetricChart("apex-errors", "apex.error", "PerMinute", "above 5/min and 200% above baseline", TimeSpan.FromMinutes(2), 5, null, points,
            new ChartSpan(points[9].At, points[^1].At));
    }

    public static AlertChart Alert() => new(MetricChartImage.Png(Breached()), MetricChartImage.Width, MetricChartImage.Height, Breached().Summary);
}
