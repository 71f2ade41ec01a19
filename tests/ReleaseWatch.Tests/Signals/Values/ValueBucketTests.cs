using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Signals.Values;

/// <summary>Value columns of signal buckets in Table Storage (Azurite): written with the counts, so exactly-once as they are.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ValueBucketTests(AzuritePeer azurite)
{
    private const string Signal = "ui.page-time";
    private const string Channel = "/event/LightningUriEventStream";
    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Redelivered_events_add_their_values_once()
    {
        var sut = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        SignalOccurrence[] first = [Page(1, 0, 1000), Page(2, 0, 2000), Page(3, 1, 3000)];

        await sut.CountAsync(org, first, CancellationToken.None);
        await sut.CountAsync(org, [.. first, Page(4, 1, 4000)], CancellationToken.None);
        var window = await sut.ReadAsync(org, Signal, Minute, Minute.AddMinutes(2), CancellationToken.None);

        Assert.Equal(4, window.Total);
        Assert.Equal(4, window.Values.Sketch.Count);
        Assert.Equal(10_000, window.Values.Sketch.Sum);
        Assert.Equal((1000, 4000), (window.Values.Sketch.Min, window.Values.Sketch.Max));
        Assert.Equal(4000, window.Values.Last);
    }

    [Fact]
    public async Task Racing_writers_of_one_batch_add_its_values_once()
    {
        var sut = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        var batch = Enumerable.Range(1, 40).Select(i => Page(i, 0, i * 10)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sut.CountAsync(org, batch, CancellationToken.None)));
        var window = await sut.ReadAsync(org, Signal, Minute, Minute.AddMinutes(1), CancellationToken.None);

        Assert.Equal(40, window.Values.Sketch.Count);
        Assert.Equal(Enumerable.Range(1, 40).Sum(i => i * 10), window.Values.Sketch.Sum);
    }

    [Fact]
    public async Task Events_without_a_usable_value_count_and_are_counted_as_skipped()
    {
        var sut = CreateSut();
        var org = AzuritePeer.UniqueName("00D");

        await sut.CountAsync(org, [Page(1, 0, 500), Page(2, 0, null), Page(3, 0, null)], CancellationToken.None);
        var window = await sut.ReadAsync(org, Signal, Minute, Minute.AddMinutes(1), CancellationToken.None);

        Assert.Equal(3, window.Total);
        Assert.Equal((1L, 2L), (window.Values.Sketch.Count, window.Values.Skipped));
    }

    [Fact]
    public async Task A_window_merges_its_minutes_into_the_same_quantiles_as_one_sketch_of_every_value()
    {
        var sut = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        var values = ValueSketchTests.Sample("lognormal page times", 7, 300);
        var occurrences = values.Select((v, i) => Page(i + 1, i % 5, v)).ToArray();
        var whole = new ValueSketch();
        foreach (var value in values)
        {
            whole.Add(value);
        }

        await sut.CountAsync(org, occurrences, CancellationToken.None);
        var window = await sut.ReadAsync(org, Signal, Minute, Minute.AddMinutes(5), CancellationToken.None);

        Assert.All(new[] { 0.5, 0.9, 0.95, 0.99 }, q => Assert.Equal(whole.Quantile(q), window.Values.Sketch.Quantile(q)));
    }

    [Fact]
    public async Task A_count_only_signal_reads_as_having_no_values()
    {
        var sut = CreateSut();
        var org = AzuritePeer.UniqueName("00D");

        await sut.CountAsync(org, [new SignalOccurrence(Signal, Channel, 1, Minute.AddSeconds(3))], CancellationToken.None);
        var window = await sut.ReadAsync(org, Signal, Minute, Minute.AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, window.Total);
        Assert.True(window.Values.Sketch.IsEmpty);
        Assert.Equal(0, window.Values.Skipped);
    }

    private TableSignalStore CreateSut()
    {
        var tables = new TableProvider(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString));
        var streams = new StreamStateStore(tables, new FakeTimeProvider(Minute.AddMinutes(5)), new ClassifiedSignalSources(Options.Create(new SignalCaptureOrgs())));
        return new TableSignalStore(tables, streams);
    }

    private static SignalOccurrence Page(long replayId, int minute, double? ms) => new(
        Signal, Channel, replayId, Minute.AddMinutes(minute).AddSeconds(replayId % 60),
        ms is { } value ? ValueReading.Of(value) : ValueReading.Skip("missing"));
}
