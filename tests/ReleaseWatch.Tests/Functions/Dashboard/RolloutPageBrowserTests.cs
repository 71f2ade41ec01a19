using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>
/// Rollouts in the dashboard: the real executable with a two-wave rollout started through the signed API; headless
/// Chromium finds it on /rollouts, reads its waves and per-org standing on its page, and pauses it from the page.
/// The screenshot is kept in artifacts/screenshots.
/// </summary>
public sealed class RolloutPageBrowserTests(AzuritePeer azurite) : IClassFixture<AzuritePeer>
{
    private const string Secret = "rollout-page-signing-secret";
    private const string Canary = "00DLOCAL00000012HA";
    private static readonly TimeSpan PageDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_rollout_page_shows_its_waves_and_orgs_and_a_pause_from_the_page_pauses_it()
    {
        var production = ReleaseWatchApp.NewOrgId();
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ReleaseWatch__Storage__ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch__Intake__SigningSecret"] = Secret,
            ["ReleaseWatch__Orgs__0__Id"] = Canary,
            ["ReleaseWatch__Orgs__0__Name"] = "Canary Org",
            ["ReleaseWatch__Orgs__0__Environment"] = "production",
            ["ReleaseWatch__Orgs__1__Id"] = production,
            ["ReleaseWatch__Orgs__1__Name"] = "Production Org",
            ["ReleaseWatch__Orgs__1__Environment"] = "production",
        });
        var rolloutId = AzuritePeer.UniqueName("pkg-2.4.0");
        var plan = $$"""
            {"rolloutId": "{{rolloutId}}", "release": {"version": "2.4.0", "previousVersion": "2.3.1"},
             "waves": [{"name": "canary", "orgs": ["{{Canary}}"], "bake": "PT30M"}, {"name": "everyone", "orgs": ["{{production}}"], "bake": "PT1H"}]}
            """;
        using var http = new HttpClient();
        using var started = await http.SendAsync(Webhooks.Signed($"{service.BaseUrl}/api/rollouts", plan, Secret));
        Assert.True(started.IsSuccessStatusCode, $"{started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        await using var browser = await ChromiumPeer.StartAsync();

        await browser.NavigateAsync($"{service.BaseUrl}/rollouts");
        var listed = await browser.EvaluateAsync<bool>($"!!document.querySelector('table.rollouts a[href=\"/rollouts/{rolloutId}\"]')");
        await browser.NavigateAsync($"{service.BaseUrl}/rollouts/{rolloutId}");
        await browser.ScreenshotAsync(RepoPaths.Of("artifacts", "screenshots", "rollout-page.png"));
        var waves = await browser.EvaluateAsync<string>("document.querySelector('div.waves').innerText");
        var orgLinks = await browser.EvaluateAsync<int>($"document.querySelectorAll('div.waves a[href=\"/orgs/{Canary}\"], div.waves a[href=\"/orgs/{production}\"]').length");
        var skip = await browser.EvaluateAsync<bool>($"!!document.querySelector('a.button[href$=\"action=skip&org={Canary}\"]')");

        Assert.True(listed, "the rollouts list links the rollout");
        Assert.Contains("Wave 1: canary", waves);
        Assert.Contains("Wave 2: everyone", waves);
        Assert.Contains("Pending", waves);
        Assert.Equal(2, orgLinks);
        Assert.True(skip, "an org of the current wave can be skipped");

        await browser.EvaluateAsync<bool>("document.querySelector('a.button[href$=\"action=pause\"]').click(), true");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<bool>("!!document.getElementById('confirm')"), PageDeadline, "the confirmation page");
        await browser.EvaluateAsync<bool>("document.querySelector('input[name=reason]').value = 'hold for the CAB', document.getElementById('confirm').click(), true");
        await Eventually.WaitUntilAsync(async () => await browser.EvaluateAsync<bool>("document.readyState === 'complete' && !document.getElementById('confirm')"), PageDeadline, "the page after the action");
        var after = await browser.EvaluateAsync<string>("location.search + ' ' + document.querySelector('main').innerText");
        Assert.True(after!.Contains("done=pause", StringComparison.Ordinal), after);
        var record = (await http.GetFromJsonAsync<JsonObject>($"{service.BaseUrl}/api/rollouts/{rolloutId}"))!;
        var acted = record["history"]!.AsArray().Select(h => h!["event"]!).Single(e => e["type"]!.GetValue<string>() == "operatorActed");

        Assert.True(record["state"]!["paused"]!.GetValue<bool>());
        Assert.Equal(("pause", "local operator", "hold for the CAB"),
            (acted["action"]!.GetValue<string>().ToLowerInvariant(), acted["actor"]!.GetValue<string>(), acted["reason"]!.GetValue<string>()));
    }
}
