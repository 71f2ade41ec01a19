using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Dependencies;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Tests.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Tests.Salesforce.Limits;

namespace ReleaseWatch.Tests.Dependencies;

/// <summary>The dependency prober of one org on Azurite, with a fake clock and the orgs a test says are watched.</summary>
public sealed class DependencySut : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DependencySut(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    internal DependencyProber Prober => _services.GetRequiredService<DependencyProber>();

    public WatchedOrgs Watched => (WatchedOrgs)_services.GetRequiredService<IOpenWatches>();

    internal ISignalReader Reader => _services.GetRequiredService<ISignalReader>();

    internal ISignalEvidenceReader Evidence => _services.GetRequiredService<ISignalEvidenceReader>();

    internal StreamStateStore Streams => _services.GetRequiredService<StreamStateStore>();

    public OrgOptions Org => _services.GetRequiredService<IOptions<OrgCatalogOptions>>().Value.Orgs[0];

    /// <summary>An org (<paramref name="orgId"/>, or a new one) declaring <paramref name="dependencies"/> (name → URL), on a fake clock at a minute's start unless one is given.</summary>
    public static DependencySut Create(AzuritePeer azurite, IReadOnlyDictionary<string, Uri> dependencies, FakeTimeProvider? time = null, string? orgId = null,
        IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:Orgs:0:Id"] = orgId ?? CaptureFixture.NewOrgId(),
            ["ReleaseWatch:Orgs:0:Name"] = "Test org",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
        };
        var j = 0;
        foreach (var (name, url) in dependencies)
        {
            values[$"ReleaseWatch:Orgs:0:Dependencies:{j}:Name"] = name;
            values[$"ReleaseWatch:Orgs:0:Dependencies:{j}:Url"] = url.ToString();
            values[$"ReleaseWatch:Orgs:0:Dependencies:{j}:TimeoutSeconds"] = "2";
            j++;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        time ??= new FakeTimeProvider(MinuteStart(TimeProvider.System.GetUtcNow()));
        services.AddSingleton<TimeProvider>(time);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddOptions<OrgCatalogOptions>().Bind(configuration.GetSection("ReleaseWatch"));
        services.AddSingleton<IOpenWatches, WatchedOrgs>();
        services.AddReleaseWatchDependencies(configuration, hosted: false);
        return new DependencySut(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), time);
    }

    public static DateTimeOffset MinuteStart(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);

    /// <summary>
    /// Judges <paramref name="metric"/> now (call it within the minute of the last probe): observed = the minutes of its
    /// lookback (default one) up to now, baseline = the hour before them.
    /// </summary>
    internal async Task<MetricJudgement> JudgeAsync(MetricPolicy metric)
    {
        var now = Time.GetUtcNow();
        var from = MinuteStart(now) - (metric.Lookback ?? TimeSpan.FromMinutes(1)) + TimeSpan.FromMinutes(1);
        var observed = await Reader.ReadAsync(Org.Id, metric.Signal, from, now, CancellationToken.None);
        var baseline = await Reader.ReadAsync(Org.Id, metric.Signal, from.AddHours(-1), from, CancellationToken.None);
        return MetricJudge.Judge(metric, new MetricInputs(observed, null, baseline, null, now, new StreamHealthOptions()));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
