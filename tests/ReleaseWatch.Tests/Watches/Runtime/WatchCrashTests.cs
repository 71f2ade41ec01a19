using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake;
using ReleaseWatch.Outbox;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Watches.Runtime;

/// <summary>
/// A breach step killed at every persistence point in turn (claim, the step's transaction, the tick's timer rows:
/// the next timers and the completion of the fired one; before and after each) still ends, after a restart, with exactly one revert command in the
/// outbox and a history without holes or repeats.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatchCrashTests(AzuritePeer azurite)
{
    [Fact]
    public async Task A_breach_step_killed_at_any_persistence_point_ends_with_exactly_one_revert_after_restart()
    {
        var points = await RunAsync(crashAt: int.MaxValue);
        string[] expected = ["before claim", "after claim", "before save", "after save", "before timer writes", "after timer writes"];
        Assert.True(expected.All(points.Contains), $"expected the persistence points {string.Join(", ", expected)}, saw: {string.Join(", ", points)}");

        for (var crashAt = 1; crashAt <= points.Count; crashAt++)
        {
            await RunAsync(crashAt);
        }
    }

    private async Task<IReadOnlyList<string>> RunAsync(int crashAt)
    {
        var plan = new CrashPlan();
        await using var services = new WatchServices(azurite, s =>
        {
            s.RemoveAll<IWatchStore>();
            s.RemoveAll<ITimerStore>();
            s.AddSingleton<IWatchStore>(sp => new CrashingWatchStore(ActivatorUtilities.CreateInstance<TableWatchStore>(sp), plan));
            s.AddSingleton<ITimerStore>(sp => new CrashingTimerStore(ActivatorUtilities.CreateInstance<TableTimerStore>(sp), plan));
        });
        var start = services.Time.GetUtcNow();
        var accepted = await services.Get<DeploymentIntake>().AcceptAsync(Deployment(services, start), "test", CancellationToken.None);
        var watchId = accepted.Watch!.WatchId;
        await ErrorsEveryMinuteAsync(services, start, minutes: 10, perMinute: 12);

        services.Time.Advance(TimeSpan.FromSeconds(61)); // past the warm-up: the first check is due
        await ReportConnectedAsync(services);
        plan.CrashAt = crashAt;
        plan.Armed = true;
        var ticker = services.Get<WatchTicker>();
        var killed = await Record.ExceptionAsync(() => ticker.TickAsync(CancellationToken.None));
        plan.Armed = false;
        if (crashAt != int.MaxValue)
        {
            Assert.IsType<OperationCanceledException>(killed);
            // Restart: a claim taken before the kill expires, then a fresh pass runs.
            services.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
            await ReportConnectedAsync(services);
            await services.Get<WatchTicker>().TickAsync(CancellationToken.None);
        }
        else
        {
            Assert.Null(killed);
        }

        var store = services.Get<IWatchStore>();
        var outbox = await store.GetOutboxAsync(watchId, CancellationToken.None);
        var history = await store.GetHistoryAsync(watchId, CancellationToken.None);
        var state = (await store.GetAsync(watchId, CancellationToken.None))!.State;
        var why = $"crash at {crashAt} ({(crashAt <= plan.Passed.Count ? plan.Passed[crashAt - 1] : "none")})";
        Assert.True(WatchPhase.Responding == state.Phase, $"{why}: phase {state.Phase}");
        Assert.True(1 == outbox.Count(i => i.Kind == OutboxItemKind.Command), why);
        Assert.Single(history.SelectMany(h => h.Effects).OfType<SendCommand>());
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Version));
        Assert.Equal(state.Version, history.Count);
        return plan.Passed;
    }

    private static DeploymentNotice Deployment(WatchServices services, DateTimeOffset at) => new(
        "crash-" + Guid.NewGuid().ToString("N")[..8],
        new OrgRef(services.OrgId, "", ""),
        new ReleaseRef("2.0.0", "1.9.9", "c0ffee"),
        at,
        new PipelineRef("release", null),
        null);

    internal static async Task ErrorsEveryMinuteAsync(WatchServices services, DateTimeOffset from, int minutes, int perMinute)
    {
        var occurrences = Enumerable.Range(0, minutes * perMinute)
            .Select(i => new SignalOccurrence("apex.error", "/event/LogEntryEvent__e", i + 1, from.AddSeconds(i * 60.0 / perMinute)))
            .ToList();
        await services.Get<TableSignalStore>().CountAsync(services.OrgId, occurrences, CancellationToken.None);
    }

    internal static Task ReportConnectedAsync(WatchServices services) =>
        services.Get<StreamStateStore>().ReportAsync(services.OrgId, "/event/LogEntryEvent__e", StreamState.Connected, null, services.Time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None);
}
