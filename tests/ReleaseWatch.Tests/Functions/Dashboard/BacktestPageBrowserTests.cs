using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>
/// Back-test in the browser: the real executable, headless Chromium uploads the demo recording on /backtest, and the
/// result page shows the breach and the drawn charts. The screenshot is kept in artifacts/screenshots.
/// </summary>
public sealed class BacktestPageBrowserTests(AzuritePeer azurite) : IClassFixture<AzuritePeer>
{
    private static readonly TimeSpan PageDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Uploading_the_demo_recording_shows_the_apex_errors_breach_with_its_chart()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = "backtest-page-signing-secret",
        });
        await using var browser = await ChromiumPeer.StartAsync();

        await browser.NavigateAsync($"{service.BaseUrl}/backtest");
        await browser.SetFileInputAsync("#upload", RepoPaths.Of("Functions", "demo", "recording.jsonl"));
        await browser.EvaluateAsync<bool>("document.getElementById('run').click(), true");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<bool>("!!document.getElementById('backtest-outcome') || !!document.getElementById('backtest-error')"),
            PageDeadline, $"the back-test result\n{service.Output}");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<int>("document.querySelectorAll('.chart[data-drawn] canvas').length") > 0,
            PageDeadline, "uPlot to draw the charts");
        await browser.ScreenshotAsync(RepoPaths.Of("artifacts", "screenshots", "backtest-page.png"));
        var breaches = await browser.EvaluateAsync<string>("document.querySelector('ul.breaches').innerText");
        var facts = await browser.EvaluateAsync<string>("document.querySelector('dl.facts').innerText");
        var chartLabel = await browser.EvaluateAsync<string>("document.querySelector('figure.metric .chart').getAttribute('aria-label')");

        Assert.Contains("apex-errors breached", breaches);
        Assert.Contains("revert command", breaches);
        Assert.Contains("+6m19s", breaches);
        Assert.Contains("recording.jsonl", facts);
        Assert.Contains("breached", chartLabel);
    }
}
