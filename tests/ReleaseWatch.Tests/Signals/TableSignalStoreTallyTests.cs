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
    public async Task TallyAsync_counts_every_occurrence_of_an_error_not_the_samples_read()
    {
        var (store, reader) = CreateSut();
        var org = AzuritePeer.UniqueName("00D");
        // 26 a minute for two minutes of one error, 3 of another, and one outside the span.
        var rows = Enumerable.Range(0, 52).Select(i => Error(org, i, i * 2, "System.NullPointerException", "Attempt to de-reference a null object"))
            .Concat(Enumerable.Range(100, 3).Select(i => Error(org, i, i - 90, "System.DmlException", "FIELD_CUSTOM_VALIDATION_EXCEPTION")))
            .Append(Error(org, 200, 200, "System.LimitException", "Too many SOQL queries"))
            .ToList();
        await store.KeepEvidenceAsync(rows, CancellationToken.None);
        await store.KeepEvidenceAsync(rows.Take(10).ToList(), CancellationToken.None); // redelivered: the same rows

        var tallies = await reader.TallyAsync(org, "apex.error", Minute, Minute.AddMinutes(2), 5, CancellationToken.None);

        Assert.True(tallies.Complete);
        Assert.Equal([("System.NullPointerException", 52L), ("System.DmlException", 3L)], tallies.Errors.Select(e => (e.Type!, e.Count)));
        Assert.Equal(55, tallies.Counted);
        Assert.Equal(3, tallies.Errors[0].Samples.Count);
        Assert.Equal(Minute.AddSeconds(102), tallies.Errors[0].LastAt);
    }

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
