using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Salesforce;

/// <summary>One ReleaseWatch process's signal capture, wired like production against the test peers.</summary>
public sealed class CaptureInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CaptureInstance(ServiceProvider services, ListLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
    }

    /// <summary>Everything this instance logged.</summary>
    public ListLoggerProvider Logs { get; }

    public RecordingNudge Nudge => (RecordingNudge)_services.GetRequiredService<IWatchNudge>();

    public OrgOptions Org => _services.GetRequiredService<IOptions<SignalCaptureOrgs>>().Value.Orgs[0];

    internal SignalSubscriber Subscriber => _services.GetRequiredService<SignalSubscriber>();

    internal SignalPump Pump => _services.GetRequiredService<SignalPump>();

    internal SignalCaptureRunner Runner => _services.GetRequiredService<SignalCaptureRunner>();

    internal CaptureShare Share => _services.GetRequiredService<CaptureShare>();

    /// <summary>Every org this instance streams.</summary>
    public IReadOnlyList<OrgOptions> Orgs => _services.GetRequiredService<IOptions<SignalCaptureOrgs>>().Value.Orgs;

    internal StreamStateStore Streams => _services.GetRequiredService<StreamStateStore>();

    public ISignalReader Reader => _services.GetRequiredService<ISignalReader>();

    public ISignalEvidenceReader Evidence => _services.GetRequiredService<ISignalEvidenceReader>();

    /// <param name="moreOrgs">Further orgs streamed from the same server with the same channels (org 0 is <paramref name="orgId"/>).</param>
    /// <param name="configure">Last word on the services (e.g. storage that fails on demand).</param>
    public static CaptureInstance Create(string storage, TokenEndpoint tokens, string orgId, string[] channels, bool clientCredentials = false, Dictionary<string, string?>? extra = null,
        string[]? moreOrgs = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = storage,
            ["ReleaseWatch:SignalCapture:ReconnectDelay"] = "00:00:00.050",
            ["ReleaseWatch:SignalCapture:MaxReconnectDelay"] = "00:00:00.500",
            ["ReleaseWatch:SignalCapture:LeaseDuration"] = "00:00:03",
        };
        string[] orgs = [orgId, .. moreOrgs ?? []];
        for (var o = 0; o < orgs.Length; o++)
        {
            var org = $"ReleaseWatch:Orgs:{o}";
            settings[$"{org}:Id"] = orgs[o];
            settings[$"{org}:Name"] = $"Test org {o}";
            settings[$"{org}:Environment"] = "production";
            settings[$"{org}:Salesforce:LoginUrl"] = tokens.LoginUrl.ToString();
            settings[$"{org}:Salesforce:ClientId"] = TokenEndpoint.ClientId;
            settings[$"{org}:Salesforce:InitialReplayId"] = "-2";
            if (clientCredentials)
            {
                settings[$"{org}:Salesforce:ClientSecret"] = TokenEndpoint.ClientSecret;
            }
            else
            {
                settings[$"{org}:Salesforce:Username"] = TokenEndpoint.Username;
                settings[$"{org}:Salesforce:PrivateKey"] = tokens.PrivateKeyPem;
            }

            for (var i = 0; i < channels.Length; i++)
            {
                settings[$"{org}:Channels:{i}"] = channels[i];
            }
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var logs = new ListLoggerProvider();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(TimeProvider.System);
        services.AddReleaseWatchStorage(configuration);
        services.AddReleaseWatchSignalCapture(configuration);
        services.AddSingleton<IWatchNudge, RecordingNudge>();
        configure?.Invoke(services);
        return new CaptureInstance(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
    }

    public async Task<long> CountAsync(string signal)
    {
        var now = TimeProvider.System.GetUtcNow();
        var window = await Reader.ReadAsync(Org.Id, signal, now.AddHours(-1), now.AddHours(1), CancellationToken.None);
        return window.Total;
    }

    /// <summary>Starts the subscriber until the result is disposed.</summary>
    public RunningSubscriber StartSubscriber() => new(token => Subscriber.RunAsync(Org, token));

    /// <summary>
    /// Runs the subscriber in short runs stopped abruptly at random points (seeded) while <paramref name="publishing"/>
    /// goes on, then once more until <paramref name="counted"/> holds: every stop is a chance to lose or recount a batch.
    /// </summary>
    public async Task CountThroughAbruptStopsAsync(Task publishing, int seed, Func<Task<bool>> counted, string what)
    {
        var random = new Random(seed);
        for (var round = 0; !publishing.IsCompleted || round < 3; round++)
        {
            using var kill = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(50, 600)));
            await Subscriber.RunAsync(Org, kill.Token);
        }

        await publishing;
        using var final = new CancellationTokenSource();
        var run = Subscriber.RunAsync(Org, final.Token);
        await Eventually.WaitUntilAsync(counted, TimeSpan.FromSeconds(60), what);
        await final.CancelAsync();
        await run;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
