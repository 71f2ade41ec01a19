using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// A two-wave rollout through the real executable and real peers: the promote command arrives on RabbitMQ, the agent's
/// result starts the canary's watch on its streamed org, the canary verifies, and the second wave's promote follows.
/// </summary>
public sealed class RolloutLoopTests(RolloutLoopFixture fixture) : IClassFixture<RolloutLoopFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private ReleaseLoop Loop => fixture.Loop;

    [Fact]
    public async Task A_verified_canary_wave_promotes_the_second_wave_over_the_broker()
    {
        var id = "e2e-rollout-" + Guid.NewGuid().ToString("N")[..8];
        var key = RolloutKey.For(id);
        var (status, created) = await Loop.PostSignedAsync("/api/rollouts", $$"""
            {"rolloutId": "{{id}}", "release": {"version": "1.5.0", "previousVersion": "1.4.9"},
             "waves": [{"name": "canary", "group": {"tier": "canary"}, "bake": "PT5S"},
                       {"name": "production", "group": {"tier": "production"}, "bake": "PT5S"}]}
            """);
        Assert.True(status == 202, created?.ToJsonString());

        var (_, first) = await Loop.Commands.WaitForAsync(RolloutKey.DeploymentOf(key, 0), Deadline);
        var promote = JsonNode.Parse(Encoding.UTF8.GetString((byte[])first.Body))!;
        Assert.Equal("promote", promote["type"]!.GetValue<string>());
        Assert.Equal("promote", first.Properties.Subject);
        Assert.Equal(fixture.Canary.Id, promote["orgs"]!.AsArray().Single()!["id"]!.GetValue<string>());
        await Loop.Commands.SendResultAsync(Result(promote));

        var (_, second) = await Loop.Commands.WaitForAsync(RolloutKey.DeploymentOf(key, 1), Deadline);
        var next = JsonNode.Parse(Encoding.UTF8.GetString((byte[])second.Body))!;
        Assert.Equal(fixture.Production.Id, next["orgs"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(2, next["rollout"]!["wave"]!.GetValue<int>());
        var rollout = await Loop.GetJsonAsync($"/api/rollouts/{id}");
        Assert.Equal("passed", rollout["state"]!["waves"]![0]!["phase"]!.GetValue<string>());
        Assert.Equal("verified", rollout["state"]!["waves"]![0]!["orgs"]![0]!["standing"]!.GetValue<string>());
        Assert.Equal("promoting", rollout["summary"]!["phase"]!.GetValue<string>());
    }

    private static string Result(JsonNode command) => new JsonObject
    {
        ["commandId"] = command["commandId"]!.GetValue<string>(),
        ["status"] = "succeeded",
        ["detail"] = "wave deployed",
        ["completedAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
    }.ToJsonString();
}

/// <summary>Two healthy streamed orgs labelled tier canary and production, one short policy.</summary>
public sealed class RolloutLoopFixture : IAsyncLifetime
{
    public ReleaseLoop Loop { get; private set; } = null!;

    public StreamedOrg Canary => Loop.Orgs[0];

    public StreamedOrg Production => Loop.Orgs[1];

    public async Task InitializeAsync()
    {
        StreamedOrg[] orgs =
        [
            await StreamedOrg.StartAsync("00DE2ER00000001AAA", "Canary Subscriber", "healthy"),
            await StreamedOrg.StartAsync("00DE2ES00000001AAA", "Production Subscriber", "healthy"),
        ];
        Loop = await ReleaseLoop.StartAsync(orgs, new Dictionary<string, string>
        {
            ["healthy"] = LoopPolicies.ApexErrors(window: "PT15S", interval: "PT3S"),
        }, new Dictionary<string, string>
        {
            ["ReleaseWatch__Orgs__0__Labels__tier"] = "canary",
            ["ReleaseWatch__Orgs__1__Labels__tier"] = "production",
        });
    }

    public async Task DisposeAsync()
    {
        if (Loop is not null)
        {
            await Loop.DisposeAsync();
        }
    }
}
