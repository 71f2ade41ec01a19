using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Dependencies;

/// <summary>The dependency prober against a real HTTP endpoint on loopback, storing through the signal buckets on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DependencyProberTests(AzuritePeer azurite)
{
    private static readonly MetricPolicy PaymentsLatencyAbove300 = new()
    {
        Name = "payments-latency", Signal = "dependency.payments.latency", Measure = MetricMeasure.Max, FailWhen = new MetricRule { Above = 300 },
    };

    [Fact]
    public async Task A_healthy_dependency_counts_an_ok_probe_and_its_latency_as_a_value()
    {
        var time = new FakeTimeProvider(DependencySut.MinuteStart(TimeProvider.System.GetUtcNow()));
        await using var endpoint = await DependencyEndpoint.StartAsync(time);
        endpoint.Delay = TimeSpan.FromMilliseconds(120);
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["payments"] = endpoint.Url }, time);

        Assert.True(await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None));
        var judgement = await sut.JudgeAsync(PaymentsLatencyAbove300);
        var ok = await ReadAsync(sut, "dependency.payments.ok");
        var failed = await ReadAsync(sut, "dependency.payments.failed");

        Assert.Equal((1, 0), (ok.Total, failed.Total));
        Assert.Equal(Verdict.Passed, judgement.Verdict);
        Assert.Equal(120, judgement.Observed!.Value, 3);
        Assert.Equal(StreamState.Connected, Assert.Single(await sut.Streams.ReadChannelsAsync(sut.Org.Id, CancellationToken.None)).State);
    }

    [Theory]
    [InlineData(503, 100, "HTTP 503")]
    [InlineData(200, 5000, "NoResponse")]
    public async Task A_wrong_status_or_no_answer_in_time_is_a_failed_probe_with_evidence(int status, int delayMs, string evidenceType)
    {
        var time = new FakeTimeProvider(DependencySut.MinuteStart(TimeProvider.System.GetUtcNow()));
        await using var endpoint = await DependencyEndpoint.StartAsync(time);
        endpoint.Status = status;
        endpoint.Delay = TimeSpan.FromMilliseconds(delayMs); // the timeout is 2 s
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["payments"] = endpoint.Url }, time);

        await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None);
        var failed = await ReadAsync(sut, "dependency.payments.failed");
        var latency = await ReadAsync(sut, "dependency.payments.latency");
        var evidence = await sut.Evidence.ReadAsync(sut.Org.Id, "dependency.payments.failed", time.GetUtcNow().AddMinutes(-1), time.GetUtcNow().AddMinutes(1), 10, CancellationToken.None);

        Assert.Equal(1, failed.Total);
        Assert.Equal(evidenceType, Assert.Single(evidence).Type);
        Assert.Equal(endpoint.Url.ToString(), evidence[0].Source);
        // A status came: its latency is a value. No answer: the value is skipped, not invented.
        Assert.Equal(status == 503 ? (1L, 0L) : (0L, 1L), (latency.Values.Sketch.Count, latency.Values.Skipped));
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_probe_not_an_error()
    {
        var port = FreePort.Next(); // nothing listens there
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["erp"] = new($"http://127.0.0.1:{port}/health") });

        await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None);

        Assert.Equal(1, (await ReadAsync(sut, "dependency.erp.failed")).Total);
        Assert.Equal(StreamState.Connected, Assert.Single(await sut.Streams.ReadChannelsAsync(sut.Org.Id, CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_probe_that_cannot_be_made_makes_its_metrics_error_and_its_span_a_gap_never_passed()
    {
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["payments"] = new("https://payments.invalid/health") });

        await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None);
        var failing = await sut.JudgeAsync(PaymentsLatencyAbove300);
        var gaps = await sut.Streams.ReadGapsAsync(sut.Org.Id, sut.Time.GetUtcNow().AddMinutes(-1), sut.Time.GetUtcNow().AddMinutes(1), CancellationToken.None);

        Assert.Equal(Verdict.Error, failing.Verdict);
        Assert.Equal("/dependencies/payments", Assert.Single(gaps).Channel);
        Assert.Equal(0, (await ReadAsync(sut, "dependency.payments.failed")).Total);
    }

    [Fact]
    public async Task Each_interval_slot_is_probed_and_counted_once_however_often_and_by_however_many_instances_it_runs()
    {
        var time = new FakeTimeProvider(DependencySut.MinuteStart(TimeProvider.System.GetUtcNow()));
        await using var endpoint = await DependencyEndpoint.StartAsync(time);
        endpoint.Delay = TimeSpan.FromMilliseconds(10);
        var urls = new Dictionary<string, Uri> { ["payments"] = endpoint.Url };
        await using var first = DependencySut.Create(azurite, urls, time);
        await using var second = DependencySut.Create(azurite, urls, time, orgId: first.Org.Id);

        var probed = (await first.Prober.ProbeAsync(first.Org, CancellationToken.None), await first.Prober.ProbeAsync(first.Org, CancellationToken.None));
        await second.Prober.ProbeAsync(second.Org, CancellationToken.None); // another instance, same slot
        time.Advance(TimeSpan.FromMinutes(1));
        await first.Prober.ProbeAsync(first.Org, CancellationToken.None);

        Assert.Equal((true, false), probed);
        Assert.Equal(3, endpoint.Requests);
        var ok = await first.Reader.ReadAsync(first.Org.Id, "dependency.payments.ok", time.GetUtcNow().AddMinutes(-1), time.GetUtcNow().AddMinutes(1), CancellationToken.None);
        Assert.Equal(2, ok.Total);
    }

    [Fact]
    public async Task Without_probing_between_watches_an_unwatched_org_is_not_probed_and_a_watched_one_is()
    {
        await using var endpoint = await DependencyEndpoint.StartAsync();
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["payments"] = endpoint.Url },
            settings: new Dictionary<string, string?> { ["ReleaseWatch:Dependencies:ProbeBetweenWatches"] = "false" });

        var unwatched = await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None);
        sut.Watched.Orgs[sut.Org.Id] = true;
        var watched = await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None);

        Assert.Equal((false, true), (unwatched, watched));
        Assert.Equal(1, endpoint.Requests);
    }

    [Fact]
    public async Task Latency_80_percent_above_the_probed_baseline_breaches_the_default_dependency_latency_metric_and_steady_latency_passes()
    {
        var time = new FakeTimeProvider(DependencySut.MinuteStart(TimeProvider.System.GetUtcNow()));
        await using var endpoint = await DependencyEndpoint.StartAsync(time);
        await using var sut = DependencySut.Create(azurite, new Dictionary<string, Uri> { ["erp"] = endpoint.Url }, time);
        var template = DefaultDependencyMetrics.All.Single(m => m.Name == "dependency-latency");
        var metric = MetricFamily.Member(template, "dependency.erp.latency");

        await ProbeMinutesAsync(sut, endpoint, 60, [150, 170, 160, 180, 165]);
        await ProbeMinutesAsync(sut, endpoint, 5, [160, 175, 150, 170, 165]);
        var steady = await sut.JudgeAsync(metric);
        await ProbeMinutesAsync(sut, endpoint, 5, [290, 300, 310, 295, 305]);
        var slower = await sut.JudgeAsync(metric);

        Assert.Equal(Verdict.Passed, steady.Verdict);
        Assert.Equal(Verdict.Failed, slower.Verdict);
        Assert.InRange(slower.Observed!.Value, 290, 310);
        Assert.InRange(slower.Baseline!.Value, 150, 180);
    }

    /// <summary>One probe a minute for <paramref name="minutes"/> minutes, the endpoint's delay cycling through <paramref name="delaysMs"/>; ends within the last probe's minute.</summary>
    private static async Task ProbeMinutesAsync(DependencySut sut, DependencyEndpoint endpoint, int minutes, int[] delaysMs)
    {
        for (var i = 0; i < minutes; i++)
        {
            sut.Time.SetUtcNow(DependencySut.MinuteStart(sut.Time.GetUtcNow()).AddMinutes(1));
            endpoint.Delay = TimeSpan.FromMilliseconds(delaysMs[i % delaysMs.Length]);
            Assert.True(await sut.Prober.ProbeAsync(sut.Org, CancellationToken.None));
        }
    }

    private static Task<SignalWindow> ReadAsync(DependencySut sut, string signal) =>
        sut.Reader.ReadAsync(sut.Org.Id, signal, sut.Time.GetUtcNow().AddMinutes(-1), sut.Time.GetUtcNow().AddMinutes(1), CancellationToken.None);
}
