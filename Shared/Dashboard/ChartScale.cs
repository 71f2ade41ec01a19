using SkiaSharp;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// Maps a chart's times and values onto a plot rectangle: the time span of its checks (and breach span), values from
/// 0 (or the lowest value) to a little above the highest of observed, baseline, band and threshold, with round ticks.
/// </summary>
internal sealed class ChartScale
{
    private ChartScale(SKRect plot, DateTimeOffset from, DateTimeOffset to, double min, double max)
    {
        Plot = plot;
        From = from;
        To = to;
        Min = min;
        Max = max;
    }

    public SKRect Plot { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public double Min { get; }

    public double Max { get; }

    public static ChartScale Of(MetricChart chart, SKRect plot)
    {
        var times = chart.Points.Select(p => p.At).Concat(chart.BreachSpan is { } s ? [s.From, s.To] : []).ToList();
        var (from, to) = (times.Min(), times.Max());
        if (to - from < TimeSpan.FromMinutes(2))
        {
            (from, to) = (from - TimeSpan.FromMinutes(1), to + TimeSpan.FromMinutes(1));
        }

        // A little room either side, so the first and last points are not on the axes.
        var pad = (to - from) / 30;
        var values = chart.Points.SelectMany(p => new[] { p.Observed, p.Baseline, p.Low, p.High }).Concat([chart.Above, chart.Below]).OfType<double>().ToList();
        var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var max = Nice(Math.Max(values.DefaultIfEmpty(1).Max() * 1.12, min + 1));
        return new ChartScale(plot, from - pad, to + pad, min, max);
    }

    public float X(DateTimeOffset at) => Plot.Left + (float)((at - From) / (To - From)) * Plot.Width;

    public float Y(double value) => Plot.Bottom - (float)((Math.Clamp(value, Min, Max) - Min) / (Max - Min)) * Plot.Height;

    /// <summary>About five round values from Min to Max.</summary>
    public IEnumerable<double> YTicks
    {
        get
        {
            var step = Step((Max - Min) / 5);
            for (var v = Math.Ceiling(Min / step) * step; v <= Max + (step / 1000); v += step)
            {
                yield return Math.Round(v, 6);
            }
        }
    }

    /// <summary>Whole minutes counted from the hour, 1, 2, 5, 10, 15, 30, 60 (or more) apart: at most about six of them.</summary>
    public IEnumerable<DateTimeOffset> XTicks
    {
        get
        {
            var minutes = new[] { 1, 2, 5, 10, 15, 30, 60, 120, 240 }.FirstOrDefault(m => (To - From).TotalMinutes / m <= 6, 480);
            var first = new DateTimeOffset(From.Year, From.Month, From.Day, From.Hour, 0, 0, TimeSpan.Zero);
            for (var t = first; t <= To; t = t.AddMinutes(minutes))
            {
                if (t >= From)
                {
                    yield return t;
                }
            }
        }
    }

    private static double Nice(double value) => Math.Ceiling(value / Step(value / 5)) * Step(value / 5);

    private static double Step(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
    }
}
