using System.Net;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>The dashboard is never open by accident: who may look depends on ReleaseWatch:Dashboard:Access.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DashboardAccessTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Local_access_refuses_a_request_that_is_not_from_loopback()
    {
        // The in-memory test server has no remote address: not loopback.
        await using var app = new ReleaseWatchApp(azurite);

        var response = await app.CreateClient().GetAsync("/watches");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task App_service_access_names_the_signed_in_user_and_refuses_a_request_without_one()
    {
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["ReleaseWatch:Dashboard:Access"] = "AppService" });
        var client = app.CreateClient();

        var anonymous = await client.GetAsync("/watches");
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/watches") { Headers = { { "X-MS-CLIENT-PRINCIPAL-NAME", "ana@example.com" } } };
        var page = await client.SendAsync(signedIn);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Signed in as ana@example.com", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Key_access_admits_the_key_once_and_keeps_it_in_a_cookie()
    {
        await using var app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["ReleaseWatch:Dashboard:Access"] = "Key",
            ["ReleaseWatch:Dashboard:Key"] = "dashboard-key-0123456789",
        });
        var client = app.CreateClient();

        var wrong = await client.GetAsync("/watches?key=not-the-key-at-all");
        var first = await client.GetAsync("/watches?key=dashboard-key-0123456789");
        var later = await client.GetAsync("/watches");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, later.StatusCode));
    }

    [Fact]
    public async Task Off_hides_the_pages_and_assets_are_served_only_from_wwwroot()
    {
        await using var off = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["ReleaseWatch:Dashboard:Access"] = "Off" });
        await using var on = new ReleaseWatchApp(azurite, new Dictionary<string, string?> { ["ReleaseWatch:Dashboard:Access"] = "AppService" });

        var hidden = await off.CreateClient().GetAsync("/watches");
        var script = await on.CreateClient().GetAsync("/dashboard/assets/lib/uPlot.iife.min.js");
        var escape = await on.CreateClient().GetAsync("/dashboard/assets/..%2FReleaseWatch");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
    }
}
