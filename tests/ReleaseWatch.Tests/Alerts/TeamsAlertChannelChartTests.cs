using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Alerts;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Dashboard;
using SkiaSharp;

namespace ReleaseWatch.Tests.Alerts;

/// <summary>The Teams channel with a chart source: the chart rides in the card unless it would make the message too large.</summary>
public sealed class TeamsAlertChannelChartTests
{
    [Fact]
    public async Task A_chart_that_would_push_the_message_past_the_limit_is_left_out_and_the_card_still_goes()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        using var services = Create(webhook, new FixedChart(Noise()));

        await services.GetServices<IAlertChannel>().Single(c => c.Name == "teams").DeliverAsync(Some.Alert(), CancellationToken.None);

        var post = Assert.Single(webhook.Posts).Body;
        Assert.DoesNotContain("\"Image\"", post, StringComparison.Ordinal);
        Assert.Contains("apex-errors breached", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chart_within_the_limit_is_posted_in_the_card()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        using var services = Create(webhook, new FixedChart(SomeChart.Alert()));

        await services.GetServices<IAlertChannel>().Single(c => c.Name == "teams").DeliverAsync(Some.Alert(), CancellationToken.None);

        Assert.Contains("data:image/png;base64,", Assert.Single(webhook.Posts).Body, StringComparison.Ordinal);
    }

    /// <summary>A 640×320 PNG of random pixels: far larger than any chart.</summary>
    private static AlertChart Noise()
    {
        using var bitmap = new SKBitmap(640, 320);
        var random = new Random(7);
        for (var y = 0; y < 320; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((uint)random.Next() | 0xff000000));
            }
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new AlertChart(png.ToArray(), 640, 320, "noise");
    }

    private static ServiceProvider Create(WebhookReceiver webhook, IAlertChartSource charts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:ServiceBus:ConnectionString"] = "amqp://u:p@127.0.0.1:1",
            ["ReleaseWatch:Teams:WebhookUrl"] = webhook.Url.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReleaseWatchResponders(configuration);
        services.AddSingleton(charts);
        return services.BuildServiceProvider();
    }

    /// <summary>A chart source that always gives the same picture: what the channel does with it is the subject here.</summary>
    private sealed class FixedChart(AlertChart chart) : IAlertChartSource
    {
        public Task<AlertChart?> ChartAsync(Alert alert, CancellationToken cancellationToken) => Task.FromResult<AlertChart?>(chart);
    }
}
