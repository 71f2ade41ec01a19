using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using ReleaseWatch.Intake;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Intake.Input;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>
/// Seeded, bounded fuzzing of the native sources (/api/sources/*): mutated notifications shaped as each sender documents
/// them, each one authenticated as that sender does (GitHub's X-Hub-Signature-256 over the mutated bytes, Azure DevOps'
/// Basic credentials, Gearset's path key or Basic), must never answer 5xx, and what was refused or ignored must leave no
/// watch and no request row behind. An Azurite of its own: what the rest of the suite stored does not slow it down.
/// </summary>
public sealed class HostileSourceFuzzTests(AzuritePeer azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuritePeer>, IAsyncLifetime
{
    private const int Seed = 1817;
    private const int PerSource = 1000;

    /// <summary>Accepted deployments are spread over this many orgs (each mapped by its own environment, stage or job), so
    /// superseding (which reads the org's watches) stays cheap and the run stays within seconds.</summary>
    private const int Orgs = 25;

    private ReleaseWatchApp _app = null!;
    private HttpClient _client = null!;
    private readonly List<string> _orgs = [];
    private Random _random = new(Seed);

    public Task InitializeAsync()
    {
        var extra = new Dictionary<string, string?>();
        for (var k = 0; k < Orgs; k++)
        {
            var org = ReleaseWatchApp.NewOrgId();
            _orgs.Add(org);
            extra[$"ReleaseWatch:Orgs:{2 + k}:Id"] = org;
            extra[$"ReleaseWatch:Orgs:{2 + k}:Name"] = $"Fuzz {k}";
            extra[$"ReleaseWatch:Orgs:{2 + k}:Environment"] = "production";
            foreach (var (source, match, n) in new[] { ("github", "environment", 0), ("azure-devops", "environment", 1), ("azure-devops", "stage", 2), ("gearset", "job", 3) })
            {
                var at = $"ReleaseWatch:Sources:Mappings:{100 + (4 * k) + n}";
                extra[$"{at}:Source"] = source;
                extra[$"{at}:Org"] = org;
                extra[$"{at}:Match:{match}"] = $"fuzz-{k}";
                if (source == "azure-devops")
                {
                    extra[$"{at}:Match:project"] = n == 1 ? "Fabrikam" : SourcesApp.YamlProjectId;
                }
            }
        }

        var (app, production, uat) = SourcesApp.Create(azurite, extra);
        _app = app;
        _orgs.AddRange([production, uat]);
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mutated_validly_signed_GitHub_deployment_statuses_never_answer_5xx_and_only_accepted_ones_leave_state()
    {
        await FuzzAsync(Seed, i =>
        {
            var body = Mutated(i, SenderPayloads.GitHubDeploymentStatus(1_000_000 + i, environment: $"fuzz-{i % Orgs}", at: _app.Time.GetUtcNow()));
            var request = Post("/api/sources/github", body);
            request.Headers.Add("X-GitHub-Event", "deployment_status");
            request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
            request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(body, SourcesApp.GitHubSecret));
            return request;
        });
    }

    [Fact]
    public async Task Mutated_Azure_DevOps_service_hooks_with_valid_Basic_credentials_never_answer_5xx_and_only_accepted_ones_leave_state()
    {
        await FuzzAsync(Seed + 1, i =>
        {
            var eventId = Guid.NewGuid().ToString();
            var body = Mutated(i, i % 2 == 0
                ? SenderPayloads.AzureDevOpsReleaseDeploymentCompleted(eventId, $"fuzz-{i % Orgs}", release: $"Release-{i}")
                : SenderPayloads.AzureDevOpsStageStateChanged(eventId, $"fuzz-{i % Orgs}", run: $"20261202.{i}"));
            var request = Post("/api/sources/azure-devops", body);
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(SourcesApp.Basic(SourcesApp.AzureDevOpsUser, SourcesApp.AzureDevOpsPassword));
            return request;
        });
    }

    [Fact]
    public async Task Mutated_Gearset_runs_by_path_key_or_Basic_credentials_never_answer_5xx_and_only_accepted_ones_leave_state()
    {
        await FuzzAsync(Seed + 2, i =>
        {
            var body = Mutated(i, SenderPayloads.GearsetCiJobRun($"fuzz-{i % Orgs}", _app.Time.GetUtcNow().AddMinutes(-2).AddMilliseconds(-i)));
            var byPath = i % 2 == 0;
            var request = Post(byPath ? $"/api/sources/gearset/{SourcesApp.GearsetPathKey}" : "/api/sources/gearset", body);
            request.Headers.Add("X-Gearset-Event", "ci_job_run");
            if (!byPath)
            {
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(SourcesApp.Basic(SourcesApp.GearsetUser, SourcesApp.GearsetPassword));
            }

            return request;
        });
    }

    /// <summary>Posts <see cref="PerSource"/> requests: none may be 5xx; the watches stored are exactly the ones answered 202 with a watch; no request row appears.</summary>
    private async Task FuzzAsync(int seed, Func<int, HttpRequestMessage> build)
    {
        _random = new Random(seed);
        var requestRows = await CountRequestRowsAsync();
        // The bodies come from the seeded generator in order; they are sent four at a time (each has its own deployment id).
        var requests = Enumerable.Range(0, PerSource).Select(build).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var created = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            var body = await request.Content!.ReadAsByteArrayAsync(ct);

            using var response = await _client.SendAsync(request, ct);

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {request.RequestUri}: {Encoding.UTF8.GetString(body)}");
            answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is not null)
            {
                Interlocked.Increment(ref created);
            }

            request.Dispose();
        });

        output.WriteLine($"{created} created; answers {string.Join(", ", answers.OrderBy(a => a.Key))}; {clock.ElapsedMilliseconds} ms");
        Assert.True(created > 0 && answers.Count > 2, $"the mutations did not reach past the first check: {string.Join(", ", answers)}");
        Assert.Equal(created, await SourcesApp.CountWatchesAsync(_app, [.. _orgs]));
        Assert.Equal(requestRows, await CountRequestRowsAsync());
    }

    /// <summary>Every 50th body as the sender sends it (so acceptance is exercised), the rest with two to four mutations.</summary>
    private byte[] Mutated(int i, string json) => i % 50 == 0 ? Encoding.UTF8.GetBytes(json) : BodyMutator.Mutate(_random, Encoding.UTF8.GetBytes(json), fewest: 2);

    private static HttpRequestMessage Post(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return request;
    }

    private async Task<int> CountRequestRowsAsync()
    {
        var table = await _app.Get<ITableProvider>().GetAsync(TableNames.Requests, CancellationToken.None);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
