using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Limits;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce.Limits;

/// <summary>The /limits poller against the Salesforce stand-in's REST limits resource and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LimitsPollerTests(AzuritePeer azurite)
{
    private const string ApiRequests = "saturation.limit.DailyApiRequests";
    private static readonly MetricPolicy NinetyPercentUsed = new()
    {
        Name = "api-requests-used", Signal = ApiRequests, Measure = MetricMeasure.Last, FailWhen = new MetricRule { Above = 0.9 },
    };

    [Fact]
    public async Task A_watched_orgs_limits_become_gauges_that_a_last_rule_judges()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var sut = Create(peers);
        sut.Watched.Orgs[sut.Org.Id] = true;

        Assert.True(await sut.Poller.PollAsync(sut.Org, CancellationToken.None));
        var healthy = await JudgeAsync(sut);
        await peers.Streaming.SetLimitsAsync(Limits(max: 15000, remaining: 1000));
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.Poller.PollAsync(sut.Org, CancellationToken.None);
        var saturated = await JudgeAsync(sut);

        Assert.Equal(Verdict.Passed, healthy.Verdict);
        Assert.Equal(1 - (14998 / 15000d), healthy.Observed!.Value, 1e-9);
        Assert.Equal(Verdict.Failed, saturated.Verdict);
        Assert.Equal(1 - (1000 / 15000d), saturated.Observed!.Value, 1e-9);
    }

    [Fact]
    public async Task An_org_without_an_open_watch_spends_no_api_call()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var sut = Create(peers);

        Assert.False(await sut.Poller.PollAsync(sut.Org, CancellationToken.None));
        Assert.Equal(0, await peers.Streaming.LimitsRequestsAsync());
    }

    [Fact]
    public async Task Polling_between_watches_fills_the_baseline_with_one_call_per_interval_however_often_asked()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var sut = Create(peers, ("ReleaseWatch:Limits:PollBetweenWatches", "true"));

        var calls = 0;
        for (var minute = 0; minute < 3; minute++)
        {
            calls += (await sut.Poller.PollAllAsync(CancellationToken.None)) + (await sut.Poller.PollAllAsync(CancellationToken.None));
            sut.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, calls);
        Assert.Equal(3, await peers.Streaming.LimitsRequestsAsync());
        var now = sut.Time.GetUtcNow();
        var gauges = await sut.Reader.ReadAsync(sut.Org.Id, ApiRequests, now.AddMinutes(-4), now, CancellationToken.None);
        Assert.Equal(3, gauges.Values.Sketch.Count);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("server-error")]
    public async Task A_failed_or_malformed_answer_makes_the_saturation_metric_error_never_passed(string fail)
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var sut = Create(peers);
        sut.Watched.Orgs[sut.Org.Id] = true;
        await sut.Poller.PollAsync(sut.Org, CancellationToken.None);

        await peers.Streaming.SetLimitsAsync(null, fail);
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.Poller.PollAsync(sut.Org, CancellationToken.None);
        var judgement = await JudgeAsync(sut);

        Assert.Equal(Verdict.Error, judgement.Verdict);
    }

    [Fact]
    public async Task Request_limit_exceeded_backs_off_doubling_the_wait_before_the_next_call()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var sut = Create(peers);
        sut.Watched.Orgs[sut.Org.Id] = true;
        await peers.Streaming.SetLimitsAsync(null, "request-limit");

        Assert.True(await sut.Poller.PollAsync(sut.Org, CancellationToken.None));
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        var duringFirstWait = await sut.Poller.PollAsync(sut.Org, CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        var afterFirstWait = await sut.Poller.PollAsync(sut.Org, CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromMinutes(3));
        var duringSecondWait = await sut.Poller.PollAsync(sut.Org, CancellationToken.None);

        Assert.Equal((false, true, false), (duringFirstWait, afterFirstWait, duringSecondWait));
        Assert.Equal(2, await peers.Streaming.LimitsRequestsAsync());
        Assert.Equal(Verdict.Error, (await JudgeAsync(sut)).Verdict);
    }

    private static async Task<MetricJudgement> JudgeAsync(Sut sut)
    {
        var now = sut.Time.GetUtcNow();
        var observed = await sut.Reader.ReadAsync(sut.Org.Id, ApiRequests, now.AddMinutes(-1), now.AddSeconds(1), CancellationToken.None);
        var baseline = await sut.Reader.ReadAsync(sut.Org.Id, ApiRequests, now.AddHours(-1), now.AddMinutes(-1), CancellationToken.None);
        return MetricJudge.Judge(NinetyPercentUsed, new MetricInputs(observed, null, baseline, null, now, new StreamHealthOptions()));
    }

    private static JsonObject Limits(int max, int remaining) => new()
    {
        ["DailyApiRequests"] = new JsonObject { ["Max"] = max, ["Remaining"] = remaining },
        ["DataStorageMB"] = new JsonObject { ["Max"] = 5, ["Remaining"] = 5 },
    };

    private Sut Create(CaptureFixture peers, params (string Key, string Value)[] more)
    {
        var orgId = CaptureFixture.NewOrgId();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:Orgs:0:Id"] = orgId,
            ["ReleaseWatch:Orgs:0:Name"] = "Test org",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
            ["ReleaseWatch:Orgs:0:Salesforce:LoginUrl"] = peers.Tokens.LoginUrl.ToString(),
            ["ReleaseWatch:Orgs:0:Salesforce:ClientId"] = TokenEndpoint.ClientId,
            ["ReleaseWatch:Orgs:0:Salesforce:ClientSecret"] = TokenEndpoint.ClientSecret,
            ["ReleaseWatch:Limits:Enabled"] = "true",
        }.Concat(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value)))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        services.AddSingleton<TimeProvider>(time);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddSingleton<IOpenWatches, WatchedOrgs>();
        services.AddReleaseWatchLimits(configuration, hosted: false);
        return new Sut(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), time);
    }

    private sealed class Sut(ServiceProvider services, FakeTimeProvider time) : IAsyncDisposable
    {
        public FakeTimeProvider Time => time;

        public LimitsPoller Poller => services.GetRequiredService<LimitsPoller>();

        public WatchedOrgs Watched => (WatchedOrgs)services.GetRequiredService<IOpenWatches>();

        public ISignalReader Reader => services.GetRequiredService<ISignalReader>();

        public ReleaseWatch.Orgs.OrgOptions Org => services.GetRequiredService<IOptions<SignalCaptureOrgs>>().Value.Orgs[0];

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }
}
