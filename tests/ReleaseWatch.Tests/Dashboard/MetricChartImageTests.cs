using ReleaseWatch.Dashboard;
using ReleaseWatch.Tests.Peers;
using SkiaSharp;

namespace ReleaseWatch.Tests.Dashboard;

public sealed class MetricChartImageTests
{
    [Fact]
    public void Png_of_a_breached_chart_decodes_at_its_stated_size_and_is_kept_as_an_artifact()
    {
        var png = MetricChartImage.Png(SomeChart.Breached());
        var path = RepoPaths.Of("artifacts", "charts", "alert-chart-breach.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, png);

        using var image = SKBitmap.Decode(png);

        Assert.NotNull(image);
        Assert.Equal((MetricChartImage.Width, MetricChartImage.Height), (image.Width, image.Height));
        Assert.True(png.Length < 12 * 1024, $"the chart is {png.Length} bytes; a Teams card holds it as a data URI (4/3 larger) well under ~28 KB with the rest of the card");
    }

    [Fact]
    public void Png_draws_the_observed_line_the_threshold_the_breach_span_and_text_in_the_embedded_font()
    {
        using var image = SKBitmap.Decode(MetricChartImage.Png(SomeChart.Breached()));

        // Observed blue, threshold red, the breach span's pale red; the title's dark ink proves the embedded font drew glyphs.
        Assert.True(Count(image, new SKColor(0x0b, 0x57, 0xd0)) > 100, "observed line");
        Assert.True(Count(image, new SKColor(0xb3, 0x26, 0x1e)) > 100, "threshold line and breach marker");
        Assert.True(Count(image, new SKColor(0xf6, 0xe4, 0xe3), tolerance: 6) > 1000, "breach span shading");
        Assert.True(Count(image, new SKColor(0x1f, 0x1f, 0x1f), tolerance: 30, rows: (0, 26)) > 150, "title text");
    }

    [Fact]
    public void Png_of_a_chart_not_judged_yet_still_has_its_title()
    {
        var chart = SomeChart.Breached() with { Points = [], BreachSpan = null };

        using var image = SKBitmap.Decode(MetricChartImage.Png(chart));

        Assert.True(Count(image, new SKColor(0x1f, 0x1f, 0x1f), tolerance: 30, rows: (0, 26)) > 100);
        Assert.Equal(0, Count(image, new SKColor(0x0b, 0x57, 0xd0)));
    }

    private static int Count(SKBitmap image, SKColor color, int tolerance = 0, (int From, int To)? rows = null)
    {
        var count = 0;
        for (var y = rows?.From ?? 0; y < (rows?.To ?? image.Height); y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image.GetPixel(x, y);
                if (Math.Abs(p.Red - color.Red) <= tolerance && Math.Abs(p.Green - color.Green) <= tolerance && Math.Abs(p.Blue - color.Blue) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
