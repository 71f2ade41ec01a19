using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseWatch.Tests.Alerts;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// The whole loop on real peers and the real executable: a signed webhook starts a watch, the Salesforce
/// stand-in streams events, the watch decides, the command goes over AMQP, the deploy agent answers, and
/// on-call hears about it on Teams and by email.
/// </summary>
public sealed class ReleaseLoopTests(EndToEndFixture fixture) : IClassFixture<EndToEndFixture>
{
    private const string NullPointer = "Attempt to de-reference a null object";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private ReleaseLoop Loop => fixture.Loop;

    [Fact]
    public async Task Errors_above_the_policy_revert_the_release_and_tell_on_call_with_the_evidence()
    {
        var org = fixture.Breaking;
        var watchId = await Loop.PostDeploymentAsync(org, "deploy-a");
        await Loop.WaitForPhaseAsync(watchId, "watching", Deadline);

        await org.PublishLogEntriesAsync("ERROR", NullPointer, count: 12);

        var (_, message) = await Loop.ExplainingAsync(watchId, () => Loop.Commands.WaitForAsync("deploy-a", Deadline));
        var command = JsonNode.Parse(Encoding.UTF8.GetString((byte[])message.Body))!;
        Assert.Equal("releasewatch.command/v1", command["schema"]!.GetValue<string>());
        Assert.Equal("revert", command["type"]!.GetValue<string>());
        Assert.Equal(watchId, command["watchId"]!.GetValue<string>());
        Assert.Equal("1.4.9", command["release"]!["previousVersion"]!.GetValue<string>());
        Assert.Equal("apex-errors", command["reason"]!["metric"]!.GetValue<string>());
        Assert.True(command["reason"]!["observed"]!.GetValue<double>() > 5, command.ToJsonString());
        Assert.Equal(command["commandId"]!.GetValue<string>(), message.Properties.MessageId);
        Assert.Equal(org.Id, message.Properties.GroupId);
        Assert.Equal("deploy-a", message.Properties.CorrelationId);
        Assert.Equal("revert", message.Properties.Subject);
        Assert.Equal("application/json", message.Properties.ContentType.ToString());

        await Loop.Commands.SendResultAsync(new JsonObject
        {
            ["commandId"] = command["commandId"]!.GetValue<string>(),
            ["status"] = "succeeded",
            ["detail"] = "Reverted to 1.4.9",
            ["completedAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString());
        await Loop.WaitForPhaseAsync(watchId, "reverted", Deadline);

        var breachCard = await Eventually.WaitForAsync(() => Task.FromResult(TeamsPost(watchId, "Breach: apex-errors")), Deadline, "the breach card on Teams");
        var (invalid, problems) = await CardValidator.ValidateAsync(breachCard);
        Assert.True(invalid == 0, problems);
        Assert.Contains(NullPointer, breachCard, StringComparison.Ordinal);
        Assert.Matches(@"(>|\\u003E) 5/min", breachCard); // the threshold, whether the card's JSON escapes '>' or not
        await Eventually.WaitForAsync(() => Task.FromResult(TeamsPost(watchId, "Revert done")), Deadline, "the revert result card on Teams");
        var breachMail = await Eventually.WaitForAsync(() => Task.FromResult(Mail("Breach: apex-errors")), Deadline, "the breach email");
        Assert.Contains(NullPointer, breachMail, StringComparison.Ordinal);
        Assert.Contains("apex-errors", breachMail, StringComparison.Ordinal);
        await Eventually.WaitForAsync(() => Task.FromResult(Mail("Revert done")), Deadline, "the revert result email");
        Assert.Single(Loop.Commands.For("deploy-a"));
    }

    [Fact]
    public async Task A_healthy_release_with_normal_noise_is_verified_and_sends_no_command()
    {
        var org = fixture.Healthy;
        var watchId = await Loop.PostDeploymentAsync(org, "deploy-b");
        await Loop.WaitForPhaseAsync(watchId, "watching", Deadline);

        await org.PublishLogEntriesAsync("INFO", "Order sync completed", count: 6);
        await org.PublishLogEntriesAsync("ERROR", "Read timed out", count: 2);

        var record = await Loop.WaitForPhaseAsync(watchId, "verified", Deadline);
        Assert.Empty(record["state"]!["commands"]!.AsArray());
        Assert.DoesNotContain(record["outbox"]!.AsArray(), item => item!["kind"]!.GetValue<string>() == "command");
        Assert.Empty(Loop.Commands.For("deploy-b"));
        Assert.Contains(Judgements(record), j => j["verdict"]!.GetValue<string>() == "passed" && j["observedCount"]!.GetValue<long>() == 2);
    }

    [Fact]
    public async Task A_stream_that_falls_silent_mid_window_leaves_the_release_inconclusive_never_verified()
    {
        var org = fixture.Silent;
        var watchId = await Loop.PostDeploymentAsync(org, "deploy-c");
        await Loop.WaitForPhaseAsync(watchId, "watching", Deadline);

        await org.StopStreamingAsync();

        var record = await Loop.WaitForPhaseAsync(watchId, "inconclusive", Deadline);
        var history = record["history"]!.AsArray();
        Assert.DoesNotContain(history, entry => entry!["phase"]!.GetValue<string>() == "verified");
        Assert.Contains(Judgements(record), j => j["verdict"]!.GetValue<string>() == "error");
        Assert.Contains("source is down", record["state"]!["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Loop.Commands.For("deploy-c"));
    }

    private static IEnumerable<JsonNode> Judgements(JsonObject record) =>
        record["history"]!.AsArray().Select(e => e!["event"]!).Where(e => e["judgements"] is not null).SelectMany(e => e["judgements"]!.AsArray()!)!;

    private string? TeamsPost(string watchId, string title) =>
        Loop.Teams.Posts.Select(p => p.Body).FirstOrDefault(b => b.Contains(watchId, StringComparison.Ordinal) && b.Contains(title, StringComparison.Ordinal));

    private string? Mail(string subject) => Loop.Smtp.Messages()
        .Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true)
        .Select(m => m.TextBody)
        .FirstOrDefault();
}
