using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>
/// A person on call opens the demo's watch in headless Chromium: the real executable, its demo breaching a release,
/// the page drawn by the browser. Screenshots are kept in artifacts/screenshots.
/// </summary>
public sealed class WatchPageBrowserTests(AzuritePeer azurite) : IClassFixture<AzuritePeer>
{
    private const string OrgId = "00DLOCAL00000012HA";
    private static readonly TimeSpan PageDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_breached_watch_page_shows_the_chart_the_command_and_the_evidence_and_an_abort_from_the_page_changes_the_watch()
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = "dashboard-test-signing-secret",
            ["ReleaseWatch__Orgs__0__Id"] = OrgId,
            ["ReleaseWatch__Orgs__0__Name"] = "Local Demo Org",
            ["ReleaseWatch__Orgs__0__Environment"] = "production",
            ["ReleaseWatch__Demo__Enabled"] = "true",
            ["ReleaseWatch__Demo__Speed"] = "30",
        });
        var watchId = await RespondingWatchAsync(service);
        await using var browser = await ChromiumPeer.StartAsync();

        await browser.NavigateAsync($"{service.BaseUrl}/watches");
        var listed = await browser.EvaluateAsync<bool>($"!!document.querySelector('tbody[data-live] a[href=\"/watches/{watchId}\"]')");
        await browser.NavigateAsync($"{service.BaseUrl}/watches/{watchId}");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<int>("document.querySelectorAll('.chart[data-drawn] canvas').length") > 0,
            PageDeadline, "uPlot to draw the charts");
        await browser.ScreenshotAsync(RepoPaths.Of("artifacts", "screenshots", "watch-page.png"));
        var chartLabel = await browser.EvaluateAsync<string>("document.querySelector('figure.metric .chart').getAttribute('aria-label')");
        var tables = await browser.EvaluateAsync<int>("document.querySelectorAll('figure.metric details table').length");
        var charts = await browser.EvaluateAsync<int>("document.querySelectorAll('figure.metric').length");
        var timeline = await browser.EvaluateAsync<string>("document.querySelector('ol.timeline').innerText");
        var evidence = await browser.EvaluateAsync<string>("document.querySelector('section.evidence').innerText");

        Assert.True(listed, "the watches list links the watch");
        Assert.Contains("apex-errors", chartLabel);
        Assert.Contains("breached", chartLabel);
        Assert.Equal(charts, tables);
        Assert.Contains("Command revert issued", timeline);
        Assert.Contains("Warm-up ends", timeline);
        Assert.Contains("System.NullPointerException", evidence);

        await browser.EvaluateAsync<bool>("document.querySelector('a.button[href$=\"action=abort\"]').click(), true");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<bool>("!!document.getElementById('confirm')"), PageDeadline, "the confirmation page");
        await browser.EvaluateAsync<bool>("document.querySelector('input[name=reason]').value = 'checked by hand', document.getElementById('confirm').click(), true");
        await Eventually.WaitUntilAsync(async () => (await browser.EvaluateAsync<string>("location.search") ?? "").Contains("done=abort"), PageDeadline, "the watch page after the action");
        await browser.ScreenshotAsync(RepoPaths.Of("artifacts", "screenshots", "watch-page-aborted.png"));
        using var http = new HttpClient();
        var record = (await http.GetFromJsonAsync<JsonObject>($"{service.BaseUrl}/api/watches/{watchId}"))!;
        var acted = record["history"]!.AsArray().Select(h => h!["event"]!).Single(e => e["type"]!.GetValue<string>() == "operatorActed");

        Assert.Equal("cancelled", record["state"]!["phase"]!.GetValue<string>());
        Assert.Equal(("abort", "local operator", "checked by hand"),
            (acted["action"]!.GetValue<string>().ToLowerInvariant(), acted["actor"]!.GetValue<string>(), acted["reason"]!.GetValue<string>()));
    }

    private static async Task<string> RespondingWatchAsync(ServiceProcess service)
    {
        using var http = new HttpClient();
        try
        {
            return await Eventually.WaitForAsync(async () =>
            {
                var list = await http.GetFromJsonAsync<JsonObject>($"{service.BaseUrl}/api/watches?org={OrgId}");
                var watch = list?["watches"]?.AsArray().FirstOrDefault();
                return watch?["phase"]?.GetValue<string>() == "responding" ? watch["id"]!.GetValue<string>() : null;
            }, TimeSpan.FromSeconds(180), "the demo's watch to breach and respond");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{service.Output}", ex);
        }
    }
}
