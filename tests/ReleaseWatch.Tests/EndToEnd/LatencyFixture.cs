namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>A running loop with two orgs that stream Lightning page times (Real-Time Event Monitoring) under a p95 latency policy.</summary>
public sealed class LatencyFixture : IAsyncLifetime
{
    public const string PageChannel = "/event/LightningUriEventStream";

    /// <summary>p95 page time more than 50% above the baseline's reverts; early checks before enough values are inconclusive, not failures.</summary>
    public const string Policy = """
        {"window": "PT40S", "interval": "PT4S", "warmup": "PT0S", "inconclusiveLimit": 50, "baseline": {"window": "PT10M"},
         "metrics": [{"name": "page-time", "signal": "ui.page-time", "measure": "p95", "failWhen": {"aboveBaselineBy": "50%"},
                      "for": "PT0S", "severity": "critical", "onBreach": {"revert": {} } }]}
        """;

    public ReleaseLoop Loop { get; private set; } = null!;

    /// <summary>Its page times rise by 80% after the deployment.</summary>
    public StreamedOrg Slowing => Loop.Orgs[0];

    /// <summary>Its page times stay as they were (plus a few flagged outliers that must be skipped).</summary>
    public StreamedOrg Steady => Loop.Orgs[1];

    public async Task InitializeAsync()
    {
        StreamedOrg[] orgs =
        [
            await StreamedOrg.StartAsync("00DE2EL00000001MDA", "Umbrella Production", "latency", PageChannel),
            await StreamedOrg.StartAsync("00DE2EM00000001MDA", "Hooli Production", "latency", PageChannel),
        ];
        Loop = await ReleaseLoop.StartAsync(orgs, new Dictionary<string, string> { ["latency"] = Policy });
    }

    public async Task DisposeAsync()
    {
        if (Loop is not null)
        {
            await Loop.DisposeAsync();
        }
    }
}
