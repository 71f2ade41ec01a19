using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Storage;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Signals;

[Collection(AzuriteCollection.Name)]
public sealed class TableSignalStoreTallyTests(AzuritePeer azurite)
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TallyAsync_counts_every_occurrence_of_an_error_though_only_the_first_few_a_minute_are_kept()
    {
        var (store, reader) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        // 26 a minute for two minutes of one error, 3 of another, and one outside the span.
        var rows = Enumerable.Range(0, 52).Select(i => Error(org, i, i * 2, "System.NullPointerException", "Attempt to de-reference a null object"))
            .Concat(Enumerable.Range(100, 3).Select(i => Error(org, i, i - 90, "System.DmlException", "FIELD_CUSTOM_VALIDATION_EXCEPTION")))
            .Append(Error(org, 200, 200, "System.LimitException", "Too many SOQL queries"))
            .ToList();
        await StoreAsync(store, org, rows);
        await StoreAsync(store, org, rows.Take(10).ToList()); // redelivered: counted once

        var tallies = await reader.TallyAsync(org, "apex.error", Minute, Minute.AddMinutes(2), 5, CancellationToken.None);
        var kept = await reader.ReadAsync(org, "apex.error", Minute, Minute.AddMinutes(2), 1000, CancellationToken.None);

        Assert.True(tallies.Complete);
        Assert.Equal([("System.NullPointerException", 52L), ("System.DmlException", 3L)], tallies.Errors.Select(e => (e.Type!, e.Count)));
        Assert.Equal(55, tallies.Counted);
        Assert.Equal(3, tallies.Errors[0].Samples.Count);
        Assert.Equal(Minute.AddSeconds(102), tallies.Errors[0].LastAt);
        Assert.Equal(Minute, tallies.Errors[0].FirstAt);
        // Kept: the first 5 of the null pointer each minute, and the 3 DML errors.
        Assert.Equal(13, kept.Count);
    }

    [Fact]
    public async Task TallyAsync_past_the_distinct_errors_a_minute_keeps_by_name_the_counts_are_marked_incomplete()
    {
        var (store, reader) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        var rows = Enumerable.Range(0, SignalCell.MaxFingerprints + 5)
            .Select(i => Error(org, i, 1, "Custom" + new string((char)('a' + (i % 26)), 1 + (i / 26)) + "Exception", "x")).ToList();
        await StoreAsync(store, org, rows);

        var tallies = await reader.TallyAsync(org, "apex.error", Minute, Minute.AddMinutes(1), 500, CancellationToken.None);

        Assert.False(tallies.Complete);
        Assert.Equal(rows.Count, tallies.Counted);
    }

    private static Task StoreAsync(TableSignalStore store, string org, IReadOnlyList<SignalEvidence> rows) => store.StoreAsync(org,
        [.. rows.Select(r => new SignalOccurrence(r.Signal, r.Channel, r.ReplayId, r.OccurredAt))], rows, new Dictionary<string, long>(), CancellationToken.None);

    private (TableSignalStore Store, ISignalEvidenceReader Reader) CreateSut()
    {
        var tables = new TableProvider(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString));
        var streams = new StreamStateStore(tables, new FakeTimeProvider(Minute), new ClassifiedSignalSources(Options.Create(new SignalCaptureOrgs())));
        var store = new TableSignalStore(tables, streams);
        return (store, store);
    }

    private static SignalEvidence Error(string org, long replayId, int second, string type, string message) =>
        new(org, "apex.error", "/event/LogEntryEvent__e", replayId, Minute.AddSeconds(second), type, message, "OrderService.place", ["0065g00000AbCdE"]);
}
