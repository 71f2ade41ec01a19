using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Commands;
using ReleaseWatch.Outbox;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Runtime;
using ReleaseWatch.Rollouts.Storage;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Rollouts.Runtime;

/// <summary>
/// ReleaseWatch's real services against a real Azurite, without a web host: orgs of their own labelled tier canary or
/// production, a short policy (5-minute window), time a FakeTimeProvider; the test plays the deploy agent.
/// </summary>
internal sealed class RolloutServices : IAsyncDisposable
{
    public const string Channel = "/event/LogEntryEvent__e";

    private const string Policy = """
        {"window":"PT5M","interval":"PT1M","warmup":"PT1M","baseline":{"window":"PT60M"},"responseTimeout":"PT15M",
         "metrics":[{"name":"apex-errors","signal":"apex.error","measure":"perMinute","failWhen":{"above":5},"for":"PT0M",
                     "severity":"critical","onBreach":{"revert":{}}}]}
        """;

    private const string FleetPolicy = """
        {"window":"PT5M","interval":"PT1M","warmup":"PT1M","baseline":{"window":"PT60M"},
         "metrics":[{"name":"fleet-apex-errors","signal":"apex.error","measure":"count","failWhen":{"above":8},"for":"PT0M","severity":"critical"}]}
        """;

    private readonly ServiceProvider _provider;

    public RolloutServices(AzuritePeer azurite, int canaries, int production, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Storage:ConnectionString"] = azurite.ConnectionString,
            ["ReleaseWatch:Intake:SigningSecret"] = ReleaseWatchApp.Secret,
            ["ReleaseWatch:Policies:short"] = Policy,
            ["ReleaseWatch:Policies:fleet"] = FleetPolicy,
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1", // no hosted loops: tests drive the ticker themselves
        };
        for (var i = 0; i < canaries + production; i++)
        {
            var id = ReleaseWatchApp.NewOrgId();
            (i < canaries ? Canaries : Production).Add(id);
            settings[$"ReleaseWatch:Orgs:{i}:Id"] = id;
            settings[$"ReleaseWatch:Orgs:{i}:Name"] = $"Subscriber {i}";
            settings[$"ReleaseWatch:Orgs:{i}:Environment"] = "production";
            settings[$"ReleaseWatch:Orgs:{i}:Policy"] = "short";
            settings[$"ReleaseWatch:Orgs:{i}:Labels:tier"] = i < canaries ? "canary" : "production";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
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

    public List<string> Canaries { get; } = [];

    public List<string> Production { get; } = [];

    public IEnumerable<string> AllOrgs => Canaries.Concat(Production);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Reads and starts a rollout as POST /api/rollouts does.</summary>
    public async Task<RolloutState> StartAsync(string json)
    {
        var (plan, errors) = Get<RolloutRequestReader>().Read(Encoding.UTF8.GetBytes(json));
        Assert.True(plan is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return (await Get<RolloutRunner>().StartAsync(new RolloutRequested(plan!, "test"), CancellationToken.None)).State;
    }

    public async Task<RolloutState> StateAsync(string key) => (await Get<IRolloutStore>().GetAsync(key, CancellationToken.None))!.State;

    /// <summary>The rollout's commands in its outbox, in the order decided.</summary>
    public async Task<IReadOnlyList<ReleaseCommand>> CommandsAsync(string key) =>
        [.. (await Get<IWatchStore>().GetOutboxAsync(key, CancellationToken.None)).Where(i => i.Kind == OutboxItemKind.Command).OrderBy(i => i.CreatedAt).Select(i => i.Command!)];

    /// <summary>The deploy agent answers a command on release-command-results.</summary>
    public Task<CommandResultOutcome> AnswerAsync(ReleaseCommand command, CommandResultStatus status = CommandResultStatus.Succeeded) =>
        Get<ICommandResultHandler>().HandleAsync(new CommandResult(command.CommandId, status, null, Time.GetUtcNow()), CancellationToken.None);

    /// <summary>Minute by minute: every org's stream reports connected, then the ticker runs (watch and rollout timers alike).</summary>
    public async Task RunMinutesAsync(int minutes, Func<Task>? eachMinute = null)
    {
        for (var m = 0; m < minutes; m++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            foreach (var org in AllOrgs)
            {
                await Get<StreamStateStore>().ReportAsync(org, Channel, StreamState.Connected, null, Time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);
            }

            if (eachMinute is not null)
            {
                await eachMinute();
            }

            await Get<WatchTicker>().TickAsync(CancellationToken.None);
        }
    }

    /// <summary><paramref name="perMinute"/> Apex errors in <paramref name="org"/> during the minute that just began.</summary>
    public Task ErrorsAsync(string org, int perMinute)
    {
        var from = Time.GetUtcNow();
        var occurrences = Enumerable.Range(0, perMinute)
            .Select(i => new SignalOccurrence("apex.error", Channel, from.ToUnixTimeMilliseconds() + i, from.AddSeconds(i * 50.0 / Math.Max(1, perMinute))))
            .ToList();
        return Get<TableSignalStore>().CountAsync(org, occurrences, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
