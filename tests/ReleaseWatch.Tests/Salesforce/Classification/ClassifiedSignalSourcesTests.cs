using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Salesforce.Classification;

public sealed class ClassifiedSignalSourcesTests
{
    private const string OrgId = "00D000000000001AAA";

    [Theory]
    [InlineData("/event/LogEntryEvent__e", "apex.error", true)]
    [InlineData("/event/LogEntryEvent__e", "business.opportunity.created", false)]
    [InlineData("/event/BatchApexErrorEvent", "batch.error", true)]
    [InlineData("/event/BatchApexErrorEvent", "apex.error", false)]
    [InlineData("/data/OpportunityChangeEvent", "business.opportunity.created", true)]
    [InlineData("/data/OpportunityChangeEvent", "business.account.created", false)]
    [InlineData("/data/OpportunityChangeEvent", "apex.error", false)]
    [InlineData("/data/Invoice__ChangeEvent", "business.invoice__c.updated", true)]
    [InlineData("/data/ChangeEvents", "business.account.deleted", true)]
    [InlineData("/data/ChangeEvents", "business.account", false)]
    public void The_default_rules_say_which_stream_feeds_which_signal(string channel, string signal, bool feeds)
    {
        var sut = Sources();

        Assert.Equal(feeds, sut.CanFeed(OrgId, channel, signal));
    }

    [Fact]
    public void An_orgs_own_rule_feeds_its_signal_for_that_org_only_by_either_id_length()
    {
        var sut = Sources(new SignalRuleOptions { Channel = "/event/Flow_Fault__e", Signal = "flow.error", Kind = SignalKind.Failure });

        Assert.True(sut.CanFeed(OrgId, "/event/Flow_Fault__e", "flow.error"));
        Assert.True(sut.CanFeed(OrgId[..15], "/event/Flow_Fault__e", "flow.error"));
        Assert.False(sut.CanFeed("00D000000000002AAA", "/event/Flow_Fault__e", "flow.error"));
    }

    [Theory]
    [InlineData("/dependencies/payments", "dependency.payments.ok", true)]
    [InlineData("/dependencies/payments", "dependency.payments.latency", true)]
    [InlineData("/dependencies/payments", "dependency.erp.latency", false)]
    [InlineData("/dependencies/erp", "dependency.payments.failed", false)]
    [InlineData("/event/LogEntryEvent__e", "dependency.payments.failed", false)]
    public void A_dependencys_probe_channel_feeds_its_own_signals_only(string channel, string signal, bool feeds) =>
        Assert.Equal(feeds, Sources().CanFeed(OrgId, channel, signal));

    private static ClassifiedSignalSources Sources(params SignalRuleOptions[] rules) =>
        new(Options.Create(new SignalCaptureOrgs
        {
            Orgs = [new OrgOptions { Id = OrgId, Name = "Org", Environment = "production", Salesforce = new SalesforceOrgOptions { Rules = [.. rules] } }],
        }));
}
