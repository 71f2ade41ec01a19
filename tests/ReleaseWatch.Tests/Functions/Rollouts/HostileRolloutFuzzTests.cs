using System.Net;
using System.Text;
using Azure.Data.Tables;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Intake.Input;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions.Rollouts;

/// <summary>
/// Seeded, bounded fuzzing of the rollout API: mutated plans to POST /api/rollouts and mutated operator actions to
/// POST /api/rollouts/{id}/actions, each validly signed, must never answer 5xx; a refused plan stores no rollout and a
/// refused action leaves the rollout's history as it was. An Azurite of its own, so the stored rollouts can be counted.
/// </summary>
public sealed class HostileRolloutFuzzTests(AzuritePeer azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuritePeer>, IAsyncLifetime
{
    private const int Seed = 1818;
    private const int Bodies = 500;

    /// <summary>Every this many bodies one goes as written, so acceptance is exercised too.</summary>
    private const int ValidEvery = 20;

    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["ReleaseWatch:Orgs:1:Labels:tier"] = "canary",
            ["ReleaseWatch:Orgs:0:Labels:tier"] = "production",
        });
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mutated_signed_rollout_plans_never_answer_5xx_and_only_accepted_ones_are_stored()
    {
        var random = new Random(Seed);
        var answers = new FuzzAnswers();
        var store = _app.Get<IRolloutStore>();
        var before = await CountRolloutsAsync();
        for (var i = 0; i < Bodies; i++)
        {
            var id = $"fz-plan-{i}";
            var plan = Encoding.UTF8.GetBytes(Plan(id, i));
            var body = i % ValidEvery == 0 ? plan : BodyMutator.Mutate(random, plan);

            using var response = await _client.SendAsync(Webhooks.SignedBytes("/api/rollouts", body));

            if (answers.Check(response, body) is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
            {
                Assert.True(await store.GetAsync(RolloutKey.For(id), CancellationToken.None) is null, $"refused {(int)response.StatusCode} but stored: {Encoding.UTF8.GetString(body)}");
            }
        }

        output.WriteLine($"answers {answers}");
        Assert.True(answers[HttpStatusCode.Accepted] >= Bodies / ValidEvery && answers[HttpStatusCode.BadRequest] > 0, $"acceptance or refusal was not exercised: {answers}");
        Assert.Equal(before + answers[HttpStatusCode.Accepted], await CountRolloutsAsync());
    }

    [Fact]
    public async Task Mutated_signed_rollout_actions_never_answer_5xx_and_refused_ones_leave_the_history_unchanged()
    {
        var random = new Random(Seed + 1);
        var answers = new FuzzAnswers();
        var store = _app.Get<IRolloutStore>();
        var rollouts = 0;
        var id = await StartAsync(rollouts++);
        string[] actions = ["pause", "resume", "skip", "pause", "resume", "abort"];
        for (var i = 0; i < Bodies; i++)
        {
            var action = actions[i % actions.Length];
            var written = Encoding.UTF8.GetBytes($$"""{"action":"{{action}}","actor":"fuzz-{{i}}","org":"{{_app.OtherOrgId}}","reason":"fuzz {{i}}"}""");
            var body = i % ValidEvery == 0 ? written : BodyMutator.Mutate(random, written);
            var key = RolloutKey.For(id);
            var history = await ActionsAsync(store, key);

            using var response = await _client.SendAsync(Webhooks.SignedAction($"/api/rollouts/{id}/actions", body, _app.Time.GetUtcNow()));

            var after = await ActionsAsync(store, key);
            if (answers.Check(response, body) != HttpStatusCode.OK)
            {
                Assert.True(after == history, $"refused {(int)response.StatusCode} but the operator actions went from {history} to {after}: {Encoding.UTF8.GetString(body)}");
            }
            else if ((await response.JsonAsync()).GetProperty("phase").GetString() == "aborted")
            {
                id = await StartAsync(rollouts++);
            }
        }

        output.WriteLine($"answers {answers}; {rollouts} rollouts");
        Assert.True(answers[HttpStatusCode.OK] > 0 && answers[HttpStatusCode.BadRequest] > 0 && answers[HttpStatusCode.Conflict] > 0, $"acceptance or refusal was not exercised: {answers}");
    }

    /// <summary>The operator actions in the rollout's history (its deliveries and timers are recorded there too, at their own pace).</summary>
    internal static async Task<int> ActionsAsync(IRolloutStore store, string key) =>
        (await store.GetHistoryAsync(key, CancellationToken.None)).Count(h => h.Event is RolloutOperatorActed);

    private string Plan(string id, int i) =>
        $$"""{"rolloutId":"{{id}}","release":{"version":"2.4.{{i}}","previousVersion":"2.3.1","commit":"9f1c2e"},"pipeline":{"name":"push-upgrade","runUrl":"https://ci.example.com/runs/{{i}}"},""" +
        $$$"""
        "waves":[{"name":"canary","group":{"tier":"canary"},"bake":"PT2H"},{"name":"production","orgs":["{{{_app.OrgId}}}"],"bake":"PT4H","success":"quorum","quorum":0.95,"onBreach":"wave","policy":"default","fleet":{"policy":"default","maxFailingShare":0.05}}]}
        """;

    private async Task<string> StartAsync(int n)
    {
        var id = $"fz-acts-{n}";
        using var response = await _client.SendAsync(Webhooks.Signed("/api/rollouts", Plan(id, n)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    private async Task<int> CountRolloutsAsync()
    {
        var table = await _app.Get<ITableProvider>().GetAsync(TableNames.Watches, CancellationToken.None);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RolloutRows.StateRowKey}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
