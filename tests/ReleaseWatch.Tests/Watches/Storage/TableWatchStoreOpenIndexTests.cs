using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Watches.Runtime;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableWatchStoreOpenIndexTests(AzuritePeer azurite)
{
    [Fact]
    public async Task ListOpenAsync_lists_the_newest_deployments_watch_and_not_the_ones_it_superseded()
    {
        await using var services = new WatchServices(azurite);
        var intake = services.Get<DeploymentIntake>();

        await AcceptAsync(services, intake, 0);
        await AcceptAsync(services, intake, 1);
        var newest = await AcceptAsync(services, intake, 2);
        var open = await services.Get<IWatchStore>().ListOpenAsync(services.OrgId, CancellationToken.None);

        Assert.Equal(newest.WatchId, Assert.Single(open).WatchId);
    }

    [Fact]
    public async Task An_accept_costs_the_same_requests_whatever_the_number_of_the_orgs_earlier_watches()
    {
        await using var services = new WatchServices(azurite);
        var intake = services.Get<DeploymentIntake>();
        var requests = services.Get<CountingPolicy>();
        for (var i = 0; i < 3; i++)
        {
            await AcceptAsync(services, intake, i);
        }

        var before = requests.Total;
        await AcceptAsync(services, intake, 3);
        var early = requests.Total - before;
        for (var i = 4; i < 24; i++)
        {
            await AcceptAsync(services, intake, i);
        }

        before = requests.Total;
        await AcceptAsync(services, intake, 24);
        var late = requests.Total - before;

        Assert.Equal(early, late);
    }

    [Fact]
    public async Task ListOpenAsync_a_watch_that_completed_before_its_index_row_was_removed_is_not_listed_and_its_row_goes()
    {
        await using var services = new WatchServices(azurite);
        var intake = services.Get<DeploymentIntake>();
        var store = services.Get<IWatchStore>();
        var first = await AcceptAsync(services, intake, 0);
        await AcceptAsync(services, intake, 1);
        // As if the step that superseded the first watch died after storing it, before unlisting it.
        var table = await services.Get<ITableProvider>().GetAsync(TableNames.Watches, CancellationToken.None);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("org|" + SalesforceOrgId.Key(services.OrgId), first.WatchId));

        var open = await store.ListOpenAsync(services.OrgId, CancellationToken.None);
        var rows = table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq 'org|{SalesforceOrgId.Key(services.OrgId)}'");
        var listed = new List<string>();
        await foreach (var row in rows)
        {
            listed.Add(row.RowKey);
        }

        Assert.DoesNotContain(open, w => w.WatchId == first.WatchId);
        Assert.DoesNotContain(first.WatchId, listed);
        Assert.Equal(WatchPhase.Superseded, (await store.GetAsync(first.WatchId, CancellationToken.None))!.State.Phase);
    }

    private static async Task<WatchState> AcceptAsync(WatchServices services, DeploymentIntake intake, int i)
    {
        var notice = new DeploymentNotice($"index-{i}", new OrgRef(services.OrgId, "", ""), new ReleaseRef("2.0.0", "1.9.9", null),
            services.Time.GetUtcNow().AddSeconds(i - 100), new PipelineRef("release", null), null);
        var result = await intake.AcceptAsync(notice, "test", CancellationToken.None);
        return result.Watch ?? throw new InvalidOperationException($"{result.Outcome}: {result.Detail}");
    }
}
