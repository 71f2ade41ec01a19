namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>One running loop for the three scenarios, each with its own org (and Salesforce stand-in) and policy.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public ReleaseLoop Loop { get; private set; } = null!;

    /// <summary>Scenario A: errors break the release.</summary>
    public StreamedOrg Breaking => Loop.Orgs[0];

    /// <summary>Scenario B: a healthy release with normal noise.</summary>
    public StreamedOrg Healthy => Loop.Orgs[1];

    /// <summary>Scenario C: the stream falls silent mid-window.</summary>
    public StreamedOrg Silent => Loop.Orgs[2];

    public async Task InitializeAsync()
    {
        StreamedOrg[] orgs =
        [
            await StreamedOrg.StartAsync("00DE2EA00000001MDA", "Acme Production", "breach"),
            await StreamedOrg.StartAsync("00DE2EB00000001MDA", "Globex Production", "healthy"),
            await StreamedOrg.StartAsync("00DE2EC00000001MDA", "Initech Production", "silent"),
        ];
        Loop = await ReleaseLoop.StartAsync(orgs, new Dictionary<string, string>
        {
            ["breach"] = LoopPolicies.ApexErrors(window: "PT2M", interval: "PT5S"),
            ["healthy"] = LoopPolicies.ApexErrors(window: "PT20S", interval: "PT4S"),
            ["silent"] = LoopPolicies.ApexErrors(window: "PT30S", interval: "PT3S"),
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
