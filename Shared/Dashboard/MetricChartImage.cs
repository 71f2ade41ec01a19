using System.Globalization;
using SkiaSharp;

namespace ReleaseWatch.Dashboard;

/// <summary>
/// Draws a <see cref="MetricChart"/> as a PNG for alerts: the observed value at each check against the absolute
/// threshold (dotted red), the baseline (dashed grey) and the band a relative rule allows (green), verdict markers,
/// the <c>for</c> span that made the breach (shaded) with the breaching check ringed, axis labels, a title and a
/// legend. Flat colours in a palette PNG (<see cref="IndexedPng"/>) keep it small enough for a Teams card's data URI. The font is embedded
/// (DejaVu Sans subset, <c>Fonts/LICENSE</c>): the native library has no font manager of its own.
/// </summary>
internal static class MetricChartImage
{
    public const int Width = 640;
    public const int Height = 320;

    private const float Left = 58, Right = 18, Top = 50, Bottom = 66;
    private static readonly SKColor Observed = new(0x0b, 0x57, 0xd0), Baseline = new(0x5f, 0x63, 0x68), Threshold = new(0xb3, 0x26, 0x1e);
    private static readonly SKColor Band = new(0x1e, 0x8e, 0x3e, 0x30), BreachFill = new(0xb3, 0x26, 0x1e, 0x22), Grid = new(0xe0, 0xe0, 0xe0), Ink = new(0x1f, 0x1f, 0x1f);
    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans-subset.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold-subset.ttf"));

    public static byte[] Png(MetricChart chart)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            Draw(canvas, chart);
        }

        return IndexedPng.Encode(bitmap);
    }

    private static void Draw(SKCanvas canvas, MetricChart chart)
    {
        canvas.Clear(SKColors.White);
        using var title = new SKFont(Bold.Value, 15);
        using var small = new SKFont(Regular.Value, 11.5f);
        using var ink = Paint(Ink);
        using var muted = Paint(Baseline);
        var verdict = chart.BreachSpan is null ? "" : " · breached";
        canvas.DrawText(Fit($"{chart.Metric}{verdict}", title, Width - 24), 12, 20, SKTextAlign.Left, title, ink);
        var rule = chart.Rule + (chart.For > TimeSpan.Zero ? $" for {chart.For.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : "");
        canvas.DrawText(Fit($"{chart.Measure} of {chart.Signal} · fails when {rule}", small, Width - 24), 12, 38, SKTextAlign.Left, small, muted);

        var plot = new SKRect(Left, Top, Width - Right, Height - Bottom);
        if (chart.Points.Count == 0)
        {
            canvas.DrawText("not judged yet", plot.MidX, plot.MidY, SKTextAlign.Center, small, muted);
            return;
        }

        var scale = ChartScale.Of(chart, plot);
        Axes(canvas, scale, small, ink, muted);
        Areas(canvas, chart, scale);
        Lines(canvas, chart, scale);
        Markers(canvas, chart, scale, small);
        Legend(canvas, chart, small, ink);
    }

    private static void Axes(SKCanvas canvas, ChartScale scale, SKFont font, SKPaint ink, SKPaint muted)
    {
        using var grid = Paint(Grid, 1);
        foreach (var tick in scale.YTicks)
        {
            var y = scale.Y(tick);
            canvas.DrawLine(scale.Plot.Left, y, scale.Plot.Right, y, grid);
            canvas.DrawText(tick.ToString("0.##", CultureInfo.InvariantCulture), scale.Plot.Left - 6, y + 4, SKTextAlign.Right, font, ink);
        }

        foreach (var tick in scale.XTicks)
        {
            var x = scale.X(tick);
            canvas.DrawLine(x, scale.Plot.Bottom, x, scale.Plot.Bottom + 4, ink);
            canvas.DrawText(tick.ToString("HH:mm", CultureInfo.InvariantCulture), x, scale.Plot.Bottom + 17, SKTextAlign.Center, font, ink);
        }

        using var axis = Paint(Ink, 1);
        canvas.DrawLine(scale.Plot.Left, scale.Plot.Bottom, scale.Plot.Right, scale.Plot.Bottom, axis);
        canvas.DrawLine(scale.Plot.Left, scale.Plot.Top, scale.Plot.Left, scale.Plot.Bottom, axis);
        canvas.DrawText("time (UTC)", scale.Plot.MidX, scale.Plot.Bottom + 31, SKTextAlign.Center, font, muted);
        canvas.Save();
        canvas.RotateDegrees(-90, 14, scale.Plot.MidY);
        canvas.DrawText("observed", 14, scale.Plot.MidY + 4, SKTextAlign.Center, font, muted);
        canvas.Restore();
    }

    private static void Areas(SKCanvas canvas, MetricChart chart, ChartScale scale)
    {
        if (chart.BreachSpan is { } span)
        {
            using var fill = Fill(BreachFill);
            var (x0, x1) = (scale.X(span.From), scale.X(span.To));
            canvas.DrawRect(new SKRect(x0 - 3, scale.Plot.Top, Math.Max(x1 + 3, x0 + 3), scale.Plot.Bottom), fill);
        }

        // A rule with only an upper (or lower) relative bound allows everything from 0 up to it (or from it up).
        var banded = chart.Points.Where(p => p.Low is not null || p.High is not null).ToList();
        if (banded.Count == 0)
        {
            return;
        }

        using var builder = new SKPathBuilder();
        builder.MoveTo(scale.X(banded[0].At), scale.Y(banded[0].High ?? scale.Max));
        foreach (var p in banded.Skip(1))
        {
            builder.LineTo(scale.X(p.At), scale.Y(p.High ?? scale.Max));
        }

        foreach (var p in Enumerable.Reverse(banded))
        {
            builder.LineTo(scale.X(p.At), scale.Y(p.Low ?? 0));
        }

        builder.Close();
        using var path = builder.Detach();
        using var band = Fill(Band);
        canvas.DrawPath(path, band);
    }

    private static void Lines(SKCanvas canvas, MetricChart chart, ChartScale scale)
    {
        using var threshold = Paint(Threshold, 2, [3, 4]);
        foreach (var limit in new[] { chart.Above, chart.Below }.OfType<double>())
        {
            canvas.DrawLine(scale.Plot.Left, scale.Y(limit), scale.Plot.Right, scale.Y(limit), threshold);
        }

        using var baseline = Paint(Baseline, 1.5f, [7, 5]);
        Polyline(canvas, chart.Points.Select(p => (p.At, p.Baseline)), scale, baseline);
        using var observed = Paint(Observed, 2.5f);
        Polyline(canvas, chart.Points.Select(p => (p.At, p.Observed)), scale, observed);
        using var dot = Fill(Observed);
        foreach (var p in chart.Points.Where(p => p.Observed is not null))
        {
            canvas.DrawCircle(scale.X(p.At), scale.Y(p.Observed!.Value), 3.5f, dot);
        }
    }

    private static void Markers(SKCanvas canvas, MetricChart chart, ChartScale scale, SKFont font)
    {
        foreach (var p in chart.Points)
        {
            using var marker = Fill(p.Verdict switch
            {
                "Passed" => new SKColor(0x1e, 0x8e, 0x3e),
                "Failed" => Threshold,
                "Error" => new SKColor(0x6a, 0x1b, 0x9a),
                _ => new SKColor(0x8a, 0x6d, 0x00),
            });
            canvas.DrawRect(SKRect.Create(scale.X(p.At) - 3, scale.Plot.Bottom - 8, 6, 6), marker);
        }

        if (chart.BreachSpan is { } span && chart.Points.LastOrDefault(p => p.At == span.To) is { Observed: { } value })
        {
            using var ring = Paint(Threshold, 2.5f);
            using var red = Paint(Threshold);
            var (x, y) = (scale.X(span.To), scale.Y(value));
            canvas.DrawCircle(x, y, 8, ring);
            var right = x + 70 < scale.Plot.Right;
            canvas.DrawText("breach", right ? x + 12 : x - 12, Math.Max(scale.Plot.Top + 12, y - 8), right ? SKTextAlign.Left : SKTextAlign.Right, font, red);
        }
    }

    private static void Legend(SKCanvas canvas, MetricChart chart, SKFont font, SKPaint ink)
    {
        var items = new List<(string Label, SKPaint Swatch, float Size)> { ("observed", Paint(Observed, 2.5f), 16), ("baseline", Paint(Baseline, 1.5f, [7, 5]), 16) };
        if (chart.Points.Any(p => p.Low is not null || p.High is not null))
        {
            items.Add(("allowed band", Fill(Band), 14));
        }

        if (chart.Above is not null || chart.Below is not null)
        {
            items.Add(("threshold", Paint(Threshold, 2, [3, 4]), 16));
        }

        if (chart.BreachSpan is not null)
        {
            items.Add(("breach span", Fill(BreachFill), 14));
        }

        // The verdict markers under each check.
        items.Add(("passed", Fill(new SKColor(0x1e, 0x8e, 0x3e)), 6));
        items.Add(("failed", Fill(Threshold), 6));
        var x = 12f;
        var y = Height - 12f;
        foreach (var (label, swatch, size) in items)
        {
            if (swatch.Style == SKPaintStyle.Fill)
            {
                canvas.DrawRect(size < 10 ? SKRect.Create(x, y - 8, size, size) : SKRect.Create(x, y - 10, size, 10), swatch);
            }
            else
            {
                canvas.DrawLine(x, y - 4, x + size, y - 4, swatch);
            }

            canvas.DrawText(label, x + size + 4, y, SKTextAlign.Left, font, ink);
            x += size + 4 + font.MeasureText(label) + 12;
            swatch.Dispose();
        }
    }

    private static void Polyline(SKCanvas canvas, IEnumerable<(DateTimeOffset At, double? Value)> points, ChartScale scale, SKPaint paint)
    {
        using var builder = new SKPathBuilder();
        var open = false;
        foreach (var (at, value) in points)
        {
            if (value is not { } v)
            {
                open = false;
                continue;
            }

            if (open)
            {
                builder.LineTo(scale.X(at), scale.Y(v));
            }
            else
            {
                builder.MoveTo(scale.X(at), scale.Y(v));
                open = true;
            }
        }

        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        while (text.Length > 1 && font.MeasureText(text + "…") > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private static SKPaint Paint(SKColor color, float stroke = 0, float[]? dash = null) => new()
    {
        Color = color,
        IsAntialias = true,
        Style = stroke > 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
        StrokeWidth = stroke,
        PathEffect = dash is null ? null : SKPathEffect.CreateDash(dash, 0),
    };

    private static SKPaint Fill(SKColor color) => new() { Color = color, Style = SKPaintStyle.Fill };

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(MetricChartImage).Assembly.GetManifestResourceStream("ReleaseWatch.Dashboard.Fonts." + file)
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from {typeof(MetricChartImage).Assembly.GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {file} could not be read.");
    }
}
