using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Intake.Input;
using ReleaseWatch.Tests.Functions.Rollouts;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Functions.Dashboard;

/// <summary>
/// Seeded, bounded fuzzing of the dashboard's form posts, made as an allowed user (Local access, over loopback: the
/// app listens on Kestrel, so the dashboard's signed post to its own API is real) with the page's antiforgery token:
/// mutated back-test forms to POST /backtest/run and /backtest, and mutated action forms to POST /watches/{id}/actions
/// and /rollouts/{id}/actions. None may answer 5xx; a refused action leaves the watch's or rollout's history unchanged.
/// </summary>
public sealed class HostileDashboardFuzzTests(AzuritePeer azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuritePeer>, IAsyncLifetime
{
    private const int Seed = 1819;
    private const int Forms = 400;

    /// <summary>Every this many forms one goes as written, so acceptance is exercised too.</summary>
    private const int ValidEvery = 10;

    private const string Policy = """{"window":"PT60M","interval":"PT1M","warmup":"PT2M","baseline":{"window":"PT60M"},"metrics":[{"name":"apex-errors","signal":"apex.error","measure":"perMinute","failWhen":{"above":5,"aboveBaselineBy":"200%"},"for":"PT2M","severity":"critical","onBreach":{"revert":{}}}]}""";

    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite, new Dictionary<string, string?>
        {
            ["ReleaseWatch:Orgs:1:Labels:tier"] = "canary",
            ["ReleaseWatch:Dashboard:MaxRecordingBytes"] = "1048576",
        });
        _client = await _app.StartOnLoopbackAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mutated_back_test_forms_never_answer_5xx_and_the_valid_ones_run()
    {
        var random = new Random(Seed);
        var answers = new FuzzAnswers();
        var token = await DashboardForms.TokenAsync(_client, "/backtest");
        var lines = File.ReadLines(RepoPaths.Of("Functions", "demo", "recording.jsonl")).Take(40).ToList();
        var recording = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        for (var i = 0; i < Forms; i++)
        {
            var valid = i % ValidEvery == 0;
            // Mutate the pasted policy, the uploaded recording, or the multipart bytes themselves.
            var part = random.Next(3);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token.Value), token.Name },
                { new ByteArrayContent(valid || part != 0 ? Encoding.UTF8.GetBytes(Policy) : BodyMutator.Mutate(random, Encoding.UTF8.GetBytes(Policy))), "policyJson" },
                { new StringContent("2026-11-20T08:51:00Z"), "deployedAt" },
                { new ByteArrayContent(valid || part != 1 ? recording : BodyMutator.Mutate(random, recording)), "upload", "recording.jsonl" },
            };
            var bytes = await form.ReadAsByteArrayAsync();
            var body = valid || part != 2 ? bytes : BodyMutator.Mutate(random, bytes);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = form.Headers.ContentType;

            using var response = await _client.PostAsync(i % 2 == 0 ? "/backtest/run" : "/backtest", content);

            answers.Check(response, body);
            Assert.True(!valid || response.StatusCode == HttpStatusCode.OK, $"a valid back-test answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        output.WriteLine($"answers {answers}");
        Assert.True(answers[HttpStatusCode.OK] > Forms / ValidEvery && answers[HttpStatusCode.BadRequest] > 0, $"acceptance or refusal was not exercised: {answers}");
    }

    [Fact]
    public async Task Mutated_watch_action_forms_never_answer_5xx_and_refused_ones_leave_the_watch_unchanged()
    {
        var random = new Random(Seed + 1);
        var answers = new FuzzAnswers();
        using var created = await _client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("fz-dash"), _app.Time.GetUtcNow().AddMinutes(-1), _app.OrgId));
        var watchId = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var token = await DashboardForms.TokenAsync(_client, $"/watches/{watchId}/confirm?action=extend");
        var store = _app.Get<IWatchStore>();
        for (var i = 0; i < Forms; i++)
        {
            var history = await ActionsAsync(store, watchId);

            var status = await PostFormAsync($"/watches/{watchId}/actions", random, i, answers, token, $"action=extend&minutes={1 + (i % 30)}&reason=fuzz+{i}");

            var after = await ActionsAsync(store, watchId);
            Assert.True(status == HttpStatusCode.Redirect || after == history, $"refused {(int)status} but the operator actions went from {history} to {after}");
        }

        output.WriteLine($"answers {answers}");
        Assert.True(answers[HttpStatusCode.Redirect] > 0 && answers[HttpStatusCode.BadRequest] > 0, $"acceptance or refusal was not exercised: {answers}");
    }

    [Fact]
    public async Task Mutated_rollout_action_forms_never_answer_5xx_and_refused_ones_leave_the_rollout_unchanged()
    {
        var random = new Random(Seed + 2);
        var answers = new FuzzAnswers();
        var rollouts = 0;
        var id = await StartRolloutAsync(rollouts++);
        var token = await DashboardForms.TokenAsync(_client, $"/rollouts/{id}/confirm?action=pause");
        var store = _app.Get<IRolloutStore>();
        string[] actions = ["pause", "resume", $"skip&org={_app.OtherOrgId}", "pause", "resume", "abort"];
        for (var i = 0; i < Forms; i++)
        {
            var key = RolloutKey.For(id);
            var history = await HostileRolloutFuzzTests.ActionsAsync(store, key);

            var status = await PostFormAsync($"/rollouts/{Uri.EscapeDataString(id)}/actions", random, i, answers, token, $"action={actions[i % actions.Length]}&reason=fuzz+{i}");

            var after = await HostileRolloutFuzzTests.ActionsAsync(store, key);
            Assert.True(status == HttpStatusCode.Redirect || after == history, $"refused {(int)status} but the operator actions went from {history} to {after}");
            if ((await store.GetAsync(key, CancellationToken.None))!.State.Phase == RolloutPhase.Aborted)
            {
                id = await StartRolloutAsync(rollouts++);
            }
        }

        output.WriteLine($"answers {answers}; {rollouts} rollouts");
        Assert.True(answers[HttpStatusCode.Redirect] > 0 && answers[HttpStatusCode.BadRequest] > 0, $"acceptance or refusal was not exercised: {answers}");
    }

    /// <summary>The operator actions in the watch's history (the dispatcher records its deliveries there too, at its own pace).</summary>
    private static async Task<int> ActionsAsync(IWatchStore store, string watchId) =>
        (await store.GetHistoryAsync(watchId, CancellationToken.None)).Count(h => h.Event is ReleaseWatch.Watches.Deciding.OperatorActed);

    /// <summary>Posts the form (the antiforgery field first, so most mutations leave it whole), mutated unless it is one of the valid ones.</summary>
    private async Task<HttpStatusCode> PostFormAsync(string path, Random random, int i, FuzzAnswers answers, (string Name, string Value) token, string fields)
    {
        var written = Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(token.Name)}={Uri.EscapeDataString(token.Value)}&{fields}");
        var body = i % ValidEvery == 0 ? written : BodyMutator.MutateForm(random, written);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");

        using var response = await _client.PostAsync(path, content);

        return answers.Check(response, body);
    }

    private async Task<string> StartRolloutAsync(int n)
    {
        var id = $"fz dash {n}";
        var plan = $$"""{"rolloutId":"{{id}}","release":{"version":"2.4.{{n}}"},"waves":[{"name":"canary","group":{"tier":"canary"},"bake":"PT1H"},{"name":"production","orgs":["{{_app.OrgId}}"],"bake":"PT1H"}]}""";
        using var response = await _client.SendAsync(Webhooks.Signed("/api/rollouts", plan));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }
}
