using System.Text.Json.Nodes;
using ReleaseWatch.Salesforce.Classification;

namespace ReleaseWatch.Tests.Salesforce.Classification;

public sealed class LoneSurrogatesTests
{
    [Theory]
    [InlineData("""{"m":"cut \ud83d"}""", """{"m":"cut \ufffd"}""")]
    [InlineData("""{"m":"\udfff"}""", """{"m":"\ufffd"}""")]
    [InlineData("""{"m":"\ud83d\ud83d\ude00"}""", """{"m":"\ufffd\ud83d\ude00"}""")]
    [InlineData("""{"m":"\ude00\ud83d"}""", """{"m":"\ufffd\ufffd"}""")]
    [InlineData("""{"\ud800":1}""", """{"\ufffd":1}""")]
    public void Repair_replaces_each_unpaired_surrogate_escape_with_the_replacement_character(string json, string repaired) =>
        Assert.Equal(repaired, LoneSurrogates.Repair(json));

    [Theory]
    [InlineData("""{"m":"whole \ud83d\ude00 pair"}""")]
    [InlineData("""{"m":"an escaped backslash then u: \\ud83d"}""")]
    [InlineData("""{"m":"\u00e9 and \\\ud83d\ude00"}""")]
    [InlineData("""{"m":"\ud83"}""")]
    [InlineData("""{"m":"plain"}""")]
    public void Repair_leaves_well_formed_text_as_it_is(string json) =>
        Assert.Same(json, LoneSurrogates.Repair(json));

    [Fact]
    public void A_repaired_message_reads_as_text_everywhere()
    {
        var node = JsonNode.Parse(LoneSurrogates.Repair("""{"channel":"/event/LogEntryEvent__e","data":{"payload":{"Message__c":"Quote \ud83d","CreatedDate":"\udfff"},"event":{"replayId":4}}}"""))!.AsObject();

        var parsed = StreamEvent.TryParse(node, DateTimeOffset.UnixEpoch);

        Assert.NotNull(parsed);
        Assert.Equal("Quote \ufffd", parsed.Payload["Message__c"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.UnixEpoch, parsed.OccurredAt);
    }

    [Theory]
    [InlineData("""{"channel":7,"data":{"event":{"replayId":1}}}""")]
    [InlineData("""{"channel":"/event/X","data":{"event":"1"}}""")]
    [InlineData("""{"channel":"/event/X","data":[1]}""")]
    public void A_message_of_the_wrong_shape_is_no_event_rather_than_an_exception(string json) =>
        Assert.Null(StreamEvent.TryParse(JsonNode.Parse(json)!.AsObject(), DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_change_header_that_is_not_an_object_leaves_the_event_at_its_receipt_time()
    {
        var node = JsonNode.Parse("""{"channel":"/data/AccountChangeEvent","data":{"payload":{"ChangeEventHeader":"x"},"event":{"replayId":2}}}""")!.AsObject();

        Assert.Equal(DateTimeOffset.UnixEpoch, StreamEvent.TryParse(node, DateTimeOffset.UnixEpoch)!.OccurredAt);
    }
}
