using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>
/// ReleaseWatch's real services against a real Azurite, without a web host, for workflow tests.
/// One org of its own per instance; time is a FakeTimeProvider.
/// </summary>
internal sealed class WatchServices : IAsyncDisposable
{
    public const string Policy = """
        {"window":"PT30M","interval":"PT1M","warmup":"PT1M","baseline":{"window":"PT60M"},"responseTimeout":"PT15M",
         "metrics":[{"name":"apex-errors","signal":"apex.error","measure":"perMinute","failWhen":{"above":5},"for":"PT0M",
                     "severity":"critical","onBreach":{"revert":{}}}]}
        """;

    private readonly ServiceProvider _provider;

    /// <param name="policy">The org's policy "crash" (JSON); null: none configured, the org uses the default.</param>
    /// <param name="orgId">Another instance's org, to act as a second (restarted, reconfigured) service on the same storage.</param>
    public WatchServices(AzuritePeer azurite, Action<IServiceCollection>? configure = null, string? policy = Policy, string? orgId = null)
    {
        OrgId = orgId ?? ReleaseWatchApp.NewOrgId();
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:Intake:SigningSecret"] = ReleaseWatchApp.Secret,
            ["ReleaseWatch:Orgs:0:Id"] = OrgId,
            ["ReleaseWatch:Orgs:0:Name"] = "Crash Test Org",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1", // no hosted loops: tests drive the ticker themselves
        };
        if (policy is not null)
        {
            settings["ReleaseWatch:Orgs:0:Policy"] = "crash";
            settings["ReleaseWatch:Policies:crash"] = policy;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReleaseWatch(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public string OrgId { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Starts a watch of this org's deployment <paramref name="deploymentId"/>, deployed now, under the "crash" policy; returns its id.</summary>
    public async Task<string> StartWatchAsync(string deploymentId)
    {
        var notice = new ReleaseWatch.Deployments.DeploymentNotice(deploymentId, new ReleaseWatch.Deployments.OrgRef(OrgId, "Crash Test Org", "production"),
            new ReleaseWatch.Deployments.ReleaseRef("2.0.0", "1.9.0", null), Time.GetUtcNow(), new ReleaseWatch.Deployments.PipelineRef("release", null), null);
        var id = ReleaseWatch.Watches.Deciding.WatchId.For(OrgId, deploymentId);
        await Get<ReleaseWatch.Watches.Runtime.WatchRunner>().StartAsync(id, new ReleaseWatch.Watches.Deciding.DeploymentReceived(notice, "crash", "test"), CancellationToken.None);
        return id;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
