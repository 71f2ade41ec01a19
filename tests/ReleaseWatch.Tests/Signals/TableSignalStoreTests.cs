using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Signals;

[Collection(AzuriteCollection.Name)]
public sealed class TableSignalStoreTests(AzuritePeer azurite)
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Minute.AddMinutes(5));

    [Fact]
    public async Task CountAsync_redelivered_events_are_not_counted_twice()
    {
        var (sut, _) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        SignalOccurrence[] first = [At("/event/A", 1, 0), At("/event/A", 2, 0), At("/event/B", 1, 1)];

        await sut.CountAsync(org, first, CancellationToken.None);
        await sut.CountAsync(org, [.. first, At("/event/A", 3, 0), At("/event/B", 2, 1)], CancellationToken.None);
        var window = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(2), CancellationToken.None);

        Assert.Equal(3, window.CountsByMinute[Minute]);
        Assert.Equal(2, window.CountsByMinute[Minute.AddMinutes(1)]);
        Assert.Equal(SignalSourceHealth.Unknown, HealthNow(window));
    }

    [Fact]
    public async Task CountAsync_racing_writers_of_one_batch_count_it_once()
    {
        var (sut, _) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        var batch = Enumerable.Range(1, 50).Select(i => At("/event/A", i, 0)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sut.CountAsync(org, batch, CancellationToken.None)));
        var window = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(1), CancellationToken.None);

        Assert.Equal(50, window.Total);
    }

    [Fact]
    public async Task ReadAsync_stale_stream_is_down_and_gaps_in_the_window_are_listed()
    {
        var (sut, streams) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        await streams.ReportAsync(org, "/event/A", StreamState.Connected, null, null, null, CancellationToken.None);
        await streams.RecordGapAsync(org, new SignalGap("/event/A", Minute, Minute.AddMinutes(1), "replay id rejected"), CancellationToken.None);

        var healthy = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(10), CancellationToken.None);
        var healthyThen = HealthNow(healthy);
        _time.Advance(TimeSpan.FromMinutes(4));
        var stale = await sut.ReadAsync(org, "apex.error", Minute.AddMinutes(2), Minute.AddMinutes(10), CancellationToken.None);

        Assert.Equal((SignalSourceHealth.Healthy, 1), (healthyThen, healthy.Gaps.Count));
        Assert.Equal((SignalSourceHealth.Down, 0), (HealthNow(stale), stale.Gaps.Count));
    }

    [Theory]
    [InlineData(StreamState.Stopped, SignalSourceHealth.Healthy)]
    [InlineData(StreamState.Reconnecting, SignalSourceHealth.Down)]
    [InlineData(StreamState.Failing, SignalSourceHealth.Down)]
    public async Task ReadAsync_recent_report_state_decides_health(StreamState state, SignalSourceHealth health)
    {
        var (sut, streams) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        await streams.ReportAsync(org, "/event/A", StreamState.Connected, null, null, null, CancellationToken.None);
        await streams.ReportAsync(org, "/event/B", state, "detail", null, null, CancellationToken.None);

        var window = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(10), CancellationToken.None);

        Assert.Equal(health, HealthNow(window));
    }

    [Fact]
    public async Task ReadAsync_a_broken_stream_makes_only_the_signals_it_feeds_unhealthy()
    {
        var (sut, streams) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        await streams.ReportAsync(org, "/event/LogEntryEvent__e", StreamState.Connected, null, null, null, CancellationToken.None);
        await streams.ReportAsync(org, "/data/OpportunityChangeEvent", StreamState.Reconnecting, "handshake failed", null, null, CancellationToken.None);
        await streams.RecordGapAsync(org, new SignalGap("/data/OpportunityChangeEvent", Minute, Minute.AddMinutes(1), "replay id rejected"), CancellationToken.None);

        var errors = await sut.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(10), CancellationToken.None);
        var creates = await sut.ReadAsync(org, "business.opportunity.created", Minute, Minute.AddMinutes(10), CancellationToken.None);
        var unfed = await sut.ReadAsync(org, "flow.error", Minute, Minute.AddMinutes(10), CancellationToken.None);

        Assert.Equal((SignalSourceHealth.Healthy, 0), (HealthNow(errors), errors.Gaps.Count));
        Assert.Equal((SignalSourceHealth.Down, 1), (HealthNow(creates), creates.Gaps.Count));
        Assert.Equal((SignalSourceHealth.Down, 1), (HealthNow(unfed), unfed.Gaps.Count));
    }

    [Fact]
    public async Task CountAsync_an_org_with_more_signals_than_one_row_holds_gets_more_chunks_and_every_window_reads_right()
    {
        var (sut, _) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        var signals = Enumerable.Range(0, 400).Select(i => $"business.object{i}.created").ToList();
        var occurrences = signals.SelectMany((signal, i) => Enumerable.Range(0, 1 + (i % 3)).Select(n => new SignalOccurrence(signal, "/data/ChangeEvents", (i * 10) + n, Minute.AddSeconds(5)))).ToList();

        await sut.CountAsync(org, occurrences, CancellationToken.None);
        await sut.CountAsync(org, occurrences, CancellationToken.None); // redelivered: counted once
        var range = await sut.ReadRangeAsync(org, Minute, Minute.AddMinutes(1), CancellationToken.None);
        var windows = await Task.WhenAll(signals.Select(s => range.ReadAsync(s, Minute, Minute.AddMinutes(1), CancellationToken.None)));

        Assert.Equal(signals.Select((_, i) => 1L + (i % 3)), windows.Select(w => w.Total));
    }

    [Fact]
    public async Task ReadRangeAsync_windows_cut_from_one_read_equal_the_windows_read_one_by_one()
    {
        var (sut, streams) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        await streams.ReportAsync(org, "/event/A", StreamState.Connected, null, null, null, CancellationToken.None);
        await streams.RecordGapAsync(org, new SignalGap("/event/A", Minute.AddMinutes(3), Minute.AddMinutes(4), "replay id rejected"), CancellationToken.None);
        await sut.CountAsync(org, [.. Enumerable.Range(0, 10).Select(i => At("/event/A", i + 1, i))], CancellationToken.None);

        var range = await sut.ReadRangeAsync(org, Minute, Minute.AddMinutes(10), CancellationToken.None);
        var cut = await range.ReadAsync("apex.error", Minute.AddMinutes(2), Minute.AddMinutes(6), CancellationToken.None);
        var read = await sut.ReadAsync(org, "apex.error", Minute.AddMinutes(2), Minute.AddMinutes(6), CancellationToken.None);

        Assert.Equal(read.CountsByMinute, cut.CountsByMinute);
        Assert.Equal(4, cut.Total);
        Assert.Equal(read.Gaps, cut.Gaps);
        Assert.Single(cut.Gaps);
        Assert.Equal(read.Channels, cut.Channels);
    }

    private (TableSignalStore Store, StreamStateStore Streams) CreateSut()
    {
        var tables = new TableProvider(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString));
        var streams = new StreamStateStore(tables, _time, new ClassifiedSignalSources(Options.Create(new SignalCaptureOrgs())));
        return (new TableSignalStore(tables, streams), streams);
    }

    /// <summary>The window's stream reports as the judge reads them at this instant (default limits).</summary>
    private SignalSourceHealth HealthNow(SignalWindow window) => SourceHealth.Of(window.Channels, _time.GetUtcNow(), new StreamHealthOptions());

    private static SignalOccurrence At(string channel, long replayId, int minute) => new("apex.error", channel, replayId, Minute.AddMinutes(minute).AddSeconds(7));
}
