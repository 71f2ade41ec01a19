using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Intake;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>Whatever a sender sends, right or wrong, no secret of any source reaches the logs or an answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SourcesSecretsTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Accepted_and_refused_deliveries_of_every_source_log_no_secret_and_answer_none()
    {
        var (app, _, _) = SourcesApp.Create(azurite);
        await using var _ = app;
        var logs = new ListLoggerProvider();
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = logged.CreateClient();
        var github = SenderPayloads.GitHubDeploymentStatus(Random.Shared.NextInt64(1, long.MaxValue / 2));
        var azure = SenderPayloads.AzureDevOpsStageStateChanged(Guid.NewGuid().ToString());
        var gearset = SenderPayloads.GearsetCiJobRun("uat to production", app.Time.GetUtcNow());
        var requests = new[]
        {
            SourcesApp.Json("/api/sources/github", github, ("X-GitHub-Event", "deployment_status"), ("X-Hub-Signature-256", WebhookSignature.Sign(Encoding.UTF8.GetBytes(github), SourcesApp.GitHubSecret))),
            SourcesApp.Json("/api/sources/github", github, ("X-GitHub-Event", "deployment_status"), ("X-Hub-Signature-256", "sha256=" + new string('0', 64))),
            SourcesApp.Json("/api/sources/azure-devops", azure, ("Authorization", SourcesApp.Basic(SourcesApp.AzureDevOpsUser, SourcesApp.AzureDevOpsPassword))),
            SourcesApp.Json("/api/sources/azure-devops", azure, ("Authorization", SourcesApp.Basic(SourcesApp.AzureDevOpsUser, SourcesApp.AzureDevOpsPassword + "x"))),
            SourcesApp.Json("/api/sources/gearset/" + SourcesApp.GearsetPathKey, gearset, ("X-Gearset-Event", "ci_job_run")),
            SourcesApp.Json("/api/sources/gearset/" + SourcesApp.GearsetPathKey[..^1], gearset, ("X-Gearset-Event", "ci_job_run")),
        };

        var answers = new List<string>();
        foreach (var request in requests)
        {
            answers.Add(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        }

        string[] secrets = [SourcesApp.GitHubSecret, SourcesApp.AzureDevOpsPassword, SourcesApp.GearsetPathKey, SourcesApp.GearsetPathKey[..^1], SourcesApp.GearsetPassword];
        Assert.Contains(logs.Entries, e => e.EventId == 1004); // the refusals were logged
        Assert.Contains(logs.Entries, e => e.EventId == 1001); // and the accepted deliveries
        Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal));
        });
    }
}
