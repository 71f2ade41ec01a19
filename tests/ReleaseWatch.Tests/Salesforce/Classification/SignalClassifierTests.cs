using System.Text.Json.Nodes;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Salesforce.Classification;

public sealed class SignalClassifierTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/event/LogEntryEvent__e", """{"LoggingLevel__c":"ERROR"}""", "apex.error")]
    [InlineData("/event/LogEntryEvent__e", """{"LoggingLevel__c":"fatal"}""", "apex.error")]
    [InlineData("/event/LogEntryEvent__e", """{"LoggingLevel__c":"WARN"}""", null)]
    [InlineData("/event/BatchApexErrorEvent", """{"Message":"x"}""", "batch.error")]
    [InlineData("/data/OpportunityChangeEvent", """{"ChangeEventHeader":{"entityName":"Opportunity","changeType":"CREATE"}}""", "business.opportunity.created")]
    [InlineData("/data/ChangeEvents", """{"ChangeEventHeader":{"entityName":"Account","changeType":"DELETE"}}""", "business.account.deleted")]
    [InlineData("/data/CaseChangeEvent", """{"ChangeEventHeader":{"entityName":"Case","changeType":"GAP_UPDATE"}}""", null)]
    [InlineData("/event/Other__e", """{}""", null)]
    public void Classify_default_rules_name_the_signal(string channel, string payload, string? signal)
    {
        var sut = SignalClassifier.For("00D000000000001", []);

        var classified = sut.Classify(Event(channel, payload));

        Assert.Equal(signal, classified?.Signal);
    }

    [Fact]
    public void Classify_org_rule_comes_before_the_defaults_and_failures_keep_trimmed_evidence()
    {
        var rule = new SignalRuleOptions { Channel = "/event/LogEntryEvent__e", Field = "LoggingLevel__c", Values = ["WARN"], Signal = "apex.warning", Kind = SignalKind.Failure };
        var sut = SignalClassifier.For("00D000000000001", [rule]);

        var classified = sut.Classify(Event("/event/LogEntryEvent__e", $$"""{"LoggingLevel__c":"WARN","Message__c":"{{new string('m', 5000)}}","RecordId__c":"001X"}"""));

        Assert.Equal(("apex.warning", SignalKind.Failure), (classified?.Signal, classified?.Kind));
        Assert.Equal(1000, classified!.Evidence!.Message!.Length);
        Assert.Equal(["001X"], classified.Evidence.RecordIds);
    }

    [Fact]
    public void Classify_activity_keeps_no_evidence()
    {
        var sut = SignalClassifier.For("00D000000000001", []);

        var classified = sut.Classify(Event("/data/OpportunityChangeEvent", """{"ChangeEventHeader":{"entityName":"Opportunity","changeType":"UPDATE"}}"""));

        Assert.Equal(SignalKind.Activity, classified!.Kind);
        Assert.Null(classified.Evidence);
    }

    [Fact]
    public void TryParse_change_event_uses_its_commit_time_and_replay_id()
    {
        var message = JsonNode.Parse("""{"channel":"/data/OpportunityChangeEvent","data":{"schema":"s","payload":{"ChangeEventHeader":{"commitTimestamp":1795428000000}},"event":{"replayId":42}}}""")!.AsObject();

        var parsed = StreamEvent.TryParse(message, At);

        Assert.Equal((42L, DateTimeOffset.FromUnixTimeMilliseconds(1795428000000)), (parsed!.ReplayId, parsed.OccurredAt));
    }

    [Theory]
    [InlineData("""{"StatusCode__c":503,"DurationMs__c":1200}""", "callout.failed")]
    [InlineData("""{"StatusCode__c":"500","DurationMs__c":900}""", "callout.failed")]
    [InlineData("""{"StatusCode__c":201,"DurationMs__c":80}""", "callout.ok")]
    [InlineData("""{"StatusCode__c":404}""", null)]
    [InlineData("""{"StatusCode__c":"timeout"}""", null)]
    [InlineData("""{}""", null)]
    public void Callout_outcome_rules_compare_an_http_status_field_as_a_number(string payload, string? signal)
    {
        var sut = SignalClassifier.For("00D000000000001",
        [
            new SignalRuleOptions { Channel = "/event/Callout_Result__e", Field = "StatusCode__c", AtLeast = 500, Signal = "callout.failed", Kind = SignalKind.Failure },
            new SignalRuleOptions { Channel = "/event/Callout_Result__e", Field = "StatusCode__c", AtLeast = 200, Below = 300, Value = "DurationMs__c", Signal = "callout.ok", Kind = SignalKind.Activity },
        ]);

        var classified = sut.Classify(Event("/event/Callout_Result__e", payload));

        Assert.Equal(signal, classified?.Signal);
    }

    [Fact]
    public void A_nebula_logger_entry_of_a_failed_callout_counts_as_callout_failed_before_the_apex_error_default()
    {
        var rule = new SignalRuleOptions { Channel = "/event/LogEntryEvent__e", Field = "HttpResponseStatusCode__c", AtLeast = 500, Signal = "callout.failed", Kind = SignalKind.Failure };
        var sut = SignalClassifier.For("00D000000000001", [rule]);

        var failedCallout = sut.Classify(Event("/event/LogEntryEvent__e", """{"LoggingLevel__c":"ERROR","HttpResponseStatusCode__c":502,"Message__c":"Bad gateway from ERP"}"""));
        var plainError = sut.Classify(Event("/event/LogEntryEvent__e", """{"LoggingLevel__c":"ERROR","Message__c":"NPE"}"""));

        Assert.Equal(("callout.failed", "Bad gateway from ERP"), (failedCallout?.Signal, failedCallout?.Evidence?.Message));
        Assert.Equal("apex.error", plainError?.Signal);
    }

    private static StreamEvent Event(string channel, string payload) => new(channel, 1, JsonNode.Parse(payload)!.AsObject(), At);
}
