using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Signals;

[Collection(AzuriteCollection.Name)]
public sealed class LegacyStreamFactsTests(AzuritePeer azurite)
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Minute.AddMinutes(5));

    [Fact]
    public async Task Health_and_gaps_an_earlier_version_kept_in_the_streams_table_are_judged_after_an_upgrade_and_leave_that_table()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var org = AzuritePeer.UniqueName("00D");
        var old = service.GetTableClient(TableNames.Streams);
        await old.CreateIfNotExistsAsync();
        await old.AddEntityAsync(new TableEntity(org, "health|!event!A")
        {
            ["Channel"] = "/event/A", ["State"] = nameof(StreamState.Reconnecting), ["Detail"] = "handshake failed", ["UpdatedAt"] = Minute.AddMinutes(4),
        });
        await old.AddEntityAsync(new TableEntity(org, $"gap|!event!A|{Minute.AddMinutes(1).UtcTicks:D19}")
        {
            ["Channel"] = "/event/A", ["From"] = Minute.AddMinutes(1), ["To"] = Minute.AddMinutes(2), ["Reason"] = "replay id rejected",
        });
        var (sut, streams) = CreateSut();

        var window = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(5), CancellationToken.None);
        var channels = await streams.ReadChannelsAsync(org, CancellationToken.None);
        var left = await old.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {org}")).ToListAsync();

        Assert.Equal(SignalSourceHealth.Down, SourceHealth.Of(window.Channels, _time.GetUtcNow(), new StreamHealthOptions()));
        Assert.Equal("replay id rejected", Assert.Single(window.Gaps).Reason);
        Assert.Equal(("/event/A", "handshake failed"), (Assert.Single(channels).Channel, channels[0].Detail));
        Assert.Empty(left);
    }

    [Fact]
    public async Task A_health_report_made_since_the_upgrade_is_kept_over_the_one_moved_from_the_streams_table()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var org = AzuritePeer.UniqueName("00D");
        var old = service.GetTableClient(TableNames.Streams);
        await old.CreateIfNotExistsAsync();
        await old.AddEntityAsync(new TableEntity(org, "health|!event!A")
        {
            ["Channel"] = "/event/A", ["State"] = nameof(StreamState.Failing), ["Detail"] = "old failure", ["UpdatedAt"] = Minute,
        });
        var (sut, streams) = CreateSut();
        await streams.ReportAsync(org, "/event/A", StreamState.Connected, null, Minute.AddMinutes(4), TimeSpan.Zero, CancellationToken.None);

        var window = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(5), CancellationToken.None);

        Assert.Equal((StreamState.Connected, null), (Assert.Single(window.Channels).State, window.Channels[0].Detail));
    }

    private (TableSignalStore Store, StreamStateStore Streams) CreateSut()
    {
        var tables = new TableProvider(new TableServiceClient(azurite.ConnectionString));
        var streams = new StreamStateStore(tables, _time, new ClassifiedSignalSources(Options.Create(new SignalCaptureOrgs())));
        return (new TableSignalStore(tables, streams), streams);
    }
}
