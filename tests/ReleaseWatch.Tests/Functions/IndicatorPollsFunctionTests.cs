using System.Net;
using System.Text;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Dependencies;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Tests.Functions;

/// <summary>
/// Under the Functions host the pollers have no loop of their own: the IndicatorPolls timer runs a /limits poll (against
/// the Salesforce stand-in) and the dependency probes (against a loopback endpoint), at most once per interval.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndicatorPollsFunctionTests(AzuritePeer azurite)
{
    private const string Timer = """{"Data": {"timer": {"Schedule": {"AdjustForDST": true}, "IsPastDue": false}}, "Metadata": {}}""";

    [Fact]
    public async Task Each_IndicatorPolls_run_polls_limits_and_probes_dependencies_once_per_interval_between_watches()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var endpoint = await DependencyEndpoint.StartAsync();
        endpoint.Delay = TimeSpan.Zero;
        await using var app = Start(peers, endpoint);
        var client = app.CreateClient();

        using var first = await PostAsync(client, Timer);
        using var sameSlot = await PostAsync(client, Timer);
        var afterOneRun = (await peers.Streaming.LimitsRequestsAsync(), endpoint.Requests);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        using var nextSlot = await PostAsync(client, Timer);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, sameSlot.StatusCode, nextSlot.StatusCode));
        Assert.Contains("Polled /limits of 1 org(s); probed the dependencies of 1 org(s).", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((1, 1), afterOneRun);
        Assert.Equal((2, 2), (await peers.Streaming.LimitsRequestsAsync(), endpoint.Requests));
        var now = app.Time.GetUtcNow();
        var reader = app.Get<ISignalReader>();
        Assert.Equal(2, (await reader.ReadAsync(app.OrgId, "dependency.payments.ok", now.AddMinutes(-2), now.AddMinutes(1), CancellationToken.None)).Total);
        Assert.Equal(2, (await reader.ReadAsync(app.OrgId, "saturation.limit.DailyApiRequests", now.AddMinutes(-2), now.AddMinutes(1), CancellationToken.None)).Values.Sketch.Count);
    }

    [Fact]
    public async Task An_invocation_without_the_timer_binding_is_refused_and_polls_nothing()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var endpoint = await DependencyEndpoint.StartAsync();
        await using var app = Start(peers, endpoint);

        using var response = await PostAsync(app.CreateClient(), """{"Data": {}, "Metadata": {}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0), (await peers.Streaming.LimitsRequestsAsync(), endpoint.Requests));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        await client.PostAsync("/IndicatorPolls", new StringContent(body, Encoding.UTF8, "application/json"));

    private ReleaseWatchApp Start(CaptureFixture peers, DependencyEndpoint endpoint) => new(azurite, new Dictionary<string, string?>
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7998",
        ["ReleaseWatch:Orgs:0:Salesforce:LoginUrl"] = peers.Tokens.LoginUrl.ToString(),
        ["ReleaseWatch:Orgs:0:Salesforce:ClientId"] = TokenEndpoint.ClientId,
        ["ReleaseWatch:Orgs:0:Salesforce:ClientSecret"] = TokenEndpoint.ClientSecret,
        ["ReleaseWatch:Orgs:0:Dependencies:0:Name"] = "payments",
        ["ReleaseWatch:Orgs:0:Dependencies:0:Url"] = endpoint.Url.ToString(),
        ["ReleaseWatch:Limits:Enabled"] = "true",
        ["ReleaseWatch:Limits:PollBetweenWatches"] = "true",
    });
}
