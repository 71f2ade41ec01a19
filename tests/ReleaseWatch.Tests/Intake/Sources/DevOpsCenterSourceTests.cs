using System.Text.Json.Nodes;
using ReleaseWatch.Intake.Sources.DevOpsCenter;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>
/// DevOps Center's /event/sf_devops__Deployment__e, published by the Faye-based Salesforce stand-in and received by the
/// real app's subscriber over CometD (token, handshake, replay extension), as in a DevOps Center org.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevOpsCenterSourceTests(AzuritePeer azurite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _devOpsCenterOrg = ReleaseWatchApp.NewOrgId();
    private readonly string _stage = "a0B" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant() + "EAV";

    private readonly string _production = ReleaseWatchApp.NewOrgId();

    private ReleaseWatchApp Start(CaptureFixture peers, params (string Key, string Value)[] more) =>
        SourcesApp.Create(azurite, production: _production, extra: new Dictionary<string, string?>(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value)))
        {
            ["ReleaseWatch:Orgs:2:Id"] = _devOpsCenterOrg,
            ["ReleaseWatch:Orgs:2:Name"] = "DevOps Center",
            ["ReleaseWatch:Orgs:2:Environment"] = "production",
            ["ReleaseWatch:Orgs:2:Salesforce:LoginUrl"] = peers.Tokens.LoginUrl.ToString(),
            ["ReleaseWatch:Orgs:2:Salesforce:ClientId"] = TokenEndpoint.ClientId,
            ["ReleaseWatch:Orgs:2:Salesforce:ClientSecret"] = TokenEndpoint.ClientSecret,
            ["ReleaseWatch:Sources:DevOpsCenter:Orgs:0"] = _devOpsCenterOrg,
            ["ReleaseWatch:Sources:Mappings:6:Source"] = "devops-center",
            ["ReleaseWatch:Sources:Mappings:6:Match:stage"] = _stage[..15], // a 15-character id matches its 18-character form
            ["ReleaseWatch:Sources:Mappings:6:Org"] = "{production}",
        }).App;

    private static JsonObject Deployment(string deploymentId, string stage, string workItem = "a0C5g00000AbCdEFGH") => new()
    {
        ["EventUuid"] = Guid.NewGuid().ToString(),
        ["sf_devops__Deployment_Id__c"] = deploymentId,
        ["sf_devops__Target_Stage_Id__c"] = stage,
        ["sf_devops__Work_Item_Id__c"] = workItem,
        ["sf_devops__Change_Bundle_Id__c"] = null,
        ["CreatedById"] = "0055g00000AbCdEAAV",
    };

    private static Task<bool> WatchExistsAsync(ReleaseWatchApp app, string org, string deploymentId) =>
        Eventually.WaitUntilAsync(async () => await app.Get<IWatchStore>().GetAsync(WatchId.For(org, $"devops-center:{deploymentId}"), CancellationToken.None) is not null,
            Deadline, $"the watch of DevOps Center deployment {deploymentId}");

    private static Task SubscribedAsync(CaptureFixture peers, int times) =>
        Eventually.WaitUntilAsync(async () => (await peers.Streaming.StateAsync()).Subscriptions >= times, Deadline, "the subscription to /event/sf_devops__Deployment__e");

    [Fact]
    public async Task A_deployment_event_of_a_mapped_stage_starts_one_watch_even_when_each_work_item_of_it_sends_one()
    {
        await using var peers = await CaptureFixture.StartAsync();
        var production = _production;
        await using var app = Start(peers);
        _ = app.CreateClient();
        await SubscribedAsync(peers, 1);
        var deploymentId = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(deploymentId, _stage));
        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(deploymentId, _stage, "a0C5g00000ZyXwVUTS"));

        await WatchExistsAsync(app, production, deploymentId);
        var id = WatchId.For(production, $"devops-center:{deploymentId}");
        var store = app.Get<IWatchStore>();
        var state = (await store.GetAsync(id, CancellationToken.None))!.State;
        Assert.Equal("work item a0C5g00000AbCdEFGH", state.Deployment.Release.Version);
        Assert.Equal("DevOps Center", state.Deployment.Pipeline.Name);
        await Eventually.WaitUntilAsync(async () => (await app.Get<StreamStateStore>().ReadCheckpointsAsync(DevOpsCenterListener.CheckpointKey(_devOpsCenterOrg), CancellationToken.None))
            .GetValueOrDefault(DevOpsCenterDeploymentEvent.Channel)?.ReplayId == 2, Deadline, "both events checkpointed");
        Assert.Single(await store.GetHistoryAsync(id, CancellationToken.None), h => h.Event is DeploymentReceived);
    }

    [Fact]
    public async Task An_unmapped_stage_starts_nothing_and_events_published_while_the_app_was_away_are_taken_from_the_checkpoint()
    {
        await using var peers = await CaptureFixture.StartAsync();
        var production = _production;
        var first = Start(peers);
        var unmapped = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
        var mapped = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
        await using (first)
        {
            _ = first.CreateClient();
            await SubscribedAsync(peers, 1);
            await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(unmapped, "a0B000000000000AAA"));
            await Eventually.WaitUntilAsync(async () => (await first.Get<StreamStateStore>().ReadCheckpointsAsync(DevOpsCenterListener.CheckpointKey(_devOpsCenterOrg), CancellationToken.None))
                .ContainsKey(DevOpsCenterDeploymentEvent.Channel), Deadline, "the unmapped event checkpointed");
            Assert.Equal(0, await SourcesApp.CountWatchesAsync(first, production));
        }

        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(mapped, _stage));
        var second = Start(peers);
        await using (second)
        {
            _ = second.CreateClient();

            await WatchExistsAsync(second, production, mapped);
            Assert.Equal(1, await SourcesApp.CountWatchesAsync(second, production));
        }
    }

    [Fact]
    public async Task A_second_instance_does_not_subscribe_while_the_first_holds_the_org_s_lease()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var first = Start(peers);
        _ = first.CreateClient();
        await SubscribedAsync(peers, 1);
        await using var second = Start(peers);
        _ = second.CreateClient();
        var org = second.Get<DevOpsCenterOrgs>().All.Single();

        var ran = await second.Get<DevOpsCenterRunner>().RunAsync(org, TimeSpan.FromSeconds(5), waitForLease: false, CancellationToken.None);

        Assert.False(ran);
        Assert.Equal(1, (await peers.Streaming.StateAsync()).Subscriptions);
    }

    [Fact]
    public async Task Under_the_Functions_host_a_DevOpsCenterPump_run_listens_for_its_duration_and_takes_what_arrives()
    {
        await using var peers = await CaptureFixture.StartAsync();
        await using var app = Start(peers, ("FUNCTIONS_CUSTOMHANDLER_PORT", "7999"), ("ReleaseWatch:SignalCapture:PumpDuration", "00:00:03"));
        var client = app.CreateClient();
        var deploymentId = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

        var pump = client.PostAsync("/DevOpsCenterPump", new StringContent("""{"Data": {"timer": {"IsPastDue": false}}, "Metadata": {}}""", System.Text.Encoding.UTF8, "application/json"));
        await SubscribedAsync(peers, 1);
        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(deploymentId, _stage));
        using var response = await pump;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_devOpsCenterOrg, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WatchExistsAsync(app, _production, deploymentId);
    }

    [Fact]
    public async Task A_checkpoint_older_than_retention_resumes_with_new_events_only_so_no_stale_deployment_starts_a_watch()
    {
        await using var peers = await CaptureFixture.StartAsync();
        var first = Start(peers);
        await using (first)
        {
            _ = first.CreateClient();
            await SubscribedAsync(peers, 1);
            await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment("0Af000000000001AAA", "a0B000000000000AAA"));
            await Eventually.WaitUntilAsync(async () => (await first.Get<StreamStateStore>().ReadCheckpointsAsync(DevOpsCenterListener.CheckpointKey(_devOpsCenterOrg), CancellationToken.None))
                .ContainsKey(DevOpsCenterDeploymentEvent.Channel), Deadline, "the first event checkpointed");
        }

        var retained = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
        var live = "0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
        var purged = await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment("0Af" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(), _stage));
        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(retained, _stage));
        await peers.Streaming.PurgeAsync(DevOpsCenterDeploymentEvent.Channel, purged + 1); // the checkpoint (1) is now older than what is kept
        await using var second = Start(peers);
        _ = second.CreateClient();
        await SubscribedAsync(peers, 2); // after the rejected one (not counted), the subscription for new events only
        await peers.Streaming.PublishAsync(DevOpsCenterDeploymentEvent.Channel, Deployment(live, _stage));

        await WatchExistsAsync(second, _production, live);
        Assert.Null(await second.Get<IWatchStore>().GetAsync(WatchId.For(_production, $"devops-center:{retained}"), CancellationToken.None));
    }
}
