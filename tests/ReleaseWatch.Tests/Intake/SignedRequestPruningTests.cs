using System.Net;
using Azure.Data.Tables;
using ReleaseWatch.Intake;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Intake;

/// <summary>The requests table (signatures kept to refuse replays) is pruned by the ticker, a page at a time, never inside the acceptance window.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignedRequestPruningTests(AzuritePeer azurite) : IAsyncLifetime
{
    private ReleaseWatchApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new ReleaseWatchApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateTimeOffset Now => _app.Time.GetUtcNow();

    private static string NewSignature() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    [Fact]
    public async Task A_ticker_pass_forgets_signatures_past_twice_the_clock_skew_plus_the_margin_and_keeps_younger_ones()
    {
        var ledger = _app.Get<ISignedRequestLedger>();
        var retention = (2 * TimeSpan.FromMinutes(5)) + SignedRequestPruning.Margin;
        var (old, young) = (NewSignature(), NewSignature());
        await ledger.TryRecordAsync(old, Now - retention - TimeSpan.FromSeconds(1), CancellationToken.None);
        await ledger.TryRecordAsync(young, Now - retention + TimeSpan.FromSeconds(30), CancellationToken.None);

        await _app.Get<WatchTicker>().TickAsync(CancellationToken.None);

        Assert.False(await ExistsAsync(old));
        Assert.True(await ExistsAsync(young));
        Assert.False(await ledger.TryRecordAsync(young, Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_prune_takes_at_most_its_page_and_the_next_ones_take_the_rest()
    {
        var ledger = _app.Get<ISignedRequestLedger>();
        // Younger than the retention, so the app's own ticker leaves them alone; the prunes below name their own cut-off.
        var longAgo = Now - TimeSpan.FromMinutes(1);
        var signatures = Enumerable.Range(0, 250).Select(_ => NewSignature()).ToList();
        await Parallel.ForEachAsync(signatures, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) => await ledger.TryRecordAsync(s, longAgo, ct));

        var pruned = new[]
        {
            await ledger.PruneAsync(longAgo.AddSeconds(1), 150, CancellationToken.None),
            await ledger.PruneAsync(longAgo.AddSeconds(1), 150, CancellationToken.None),
            await ledger.PruneAsync(longAgo.AddSeconds(1), 150, CancellationToken.None),
        };

        Assert.Equal([150, 100, 0], pruned);
        Assert.False(await ExistsAsync(signatures[0]));
        Assert.False(await ExistsAsync(signatures[^1]));
    }

    [Fact]
    public async Task A_replayed_operator_action_is_still_409_after_a_ticker_pass_within_its_window()
    {
        var client = _app.CreateClient();
        var watch = await (await client.PostSignedAsync(Webhooks.Notice(AzuritePeer.UniqueName("prune"), Now, _app.OrgId))).JsonAsync();
        var path = $"/api/watches/{watch.GetProperty("id").GetString()}/actions";
        const string body = """{"action":"extend","actor":"ana@example.com","minutes":5}""";
        var signedAt = Now;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhooks.SignedAction(path, body, signedAt))).StatusCode);
        _app.Time.Advance(TimeSpan.FromMinutes(4));

        await _app.Get<WatchTicker>().TickAsync(CancellationToken.None);
        var replay = await client.SendAsync(Webhooks.SignedAction(path, body, signedAt));

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    private async Task<bool> ExistsAsync(string signature)
    {
        var table = await _app.Get<ITableProvider>().GetAsync(TableNames.Requests, CancellationToken.None);
        return (await table.GetEntityIfExistsAsync<TableEntity>("signatures", signature)).HasValue;
    }
}
