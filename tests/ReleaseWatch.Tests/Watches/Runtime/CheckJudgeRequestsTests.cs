using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Watches.Deciding;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Watches.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class CheckJudgeRequestsTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_check_reads_its_inputs_counts_and_stream_facts_in_one_request_whatever_the_number_of_metrics()
    {
        await using var services = new WatchServices(azurite);
        var now = services.Time.GetUtcNow();
        var notice = new DeploymentNotice("requests-1", new OrgRef(services.OrgId, "", ""), new ReleaseRef("2.0.0", "1.9.9", null), now.AddMinutes(-5), new PipelineRef("release", null), null);
        var (state, _) = await services.Get<WatchRunner>().StartAsync(WatchId.For(services.OrgId, notice.DeploymentId), new DeploymentReceived(notice, "crash", "test"), CancellationToken.None);
        await services.Get<StreamStateStore>().ReportAsync(services.OrgId, "/event/LogEntryEvent__e", StreamState.Connected, null, now, TimeSpan.Zero, CancellationToken.None);
        await services.Get<TableSignalStore>().CountAsync(services.OrgId,
            [.. Enumerable.Range(0, 60).Select(i => new SignalOccurrence(i % 2 == 0 ? "apex.error" : "flow.error", "/event/LogEntryEvent__e", i + 1, now.AddMinutes(-50 + i)))], CancellationToken.None);
        // Once per process, before the first read, facts an earlier version kept in the streams table are moved.
        await services.Get<StreamStateStore>().MoveLegacyFactsAsync(CancellationToken.None);
        var judge = services.Get<CheckJudge>();
        var requests = services.Get<CountingPolicy>();

        var one = await RequestsOfAsync(() => judge.JudgeAsync(state, Some.Policy(metrics: Metric(0)), JudgementTrigger.Check, now, CancellationToken.None));
        var twelve = await RequestsOfAsync(() => judge.JudgeAsync(state, Some.Policy(metrics: [.. Enumerable.Range(0, 12).Select(Metric)]), JudgementTrigger.Check, now, CancellationToken.None));

        Assert.Equal((1L, 1L), (one, twelve));

        async Task<long> RequestsOfAsync(Func<Task<SignalsJudged>> check)
        {
            var before = requests.Total;
            var judged = await check();
            Assert.NotEmpty(judged.Judgements);
            return requests.Total - before;
        }
    }

    private static MetricPolicy Metric(int i) => Some.Metric($"m{i}") with { Signal = i % 2 == 0 ? "apex.error" : "flow.error" };
}
