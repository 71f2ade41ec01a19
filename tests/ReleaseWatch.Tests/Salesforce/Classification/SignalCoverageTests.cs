using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Salesforce.Limits;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Salesforce.Classification;

public sealed class SignalCoverageTests
{
    private const string OrgId = "00D000000000001AAA";
    private static readonly Policy Default = new PolicyCatalog([]).Default;

    [Fact]
    public void The_default_policy_on_log_and_batch_channels_cannot_count_flow_errors()
    {
        var org = Org(["/event/LogEntryEvent__e", "/event/BatchApexErrorEvent", "/event/ConcurLongRunApexErrEvent"]);

        var uncovered = SignalCoverage.Uncovered(OrgId, org.Channels, Default, Sources(org));

        Assert.Equal([new UncoveredMetric("default", "flow-errors", "flow.error")], uncovered);
    }

    [Fact]
    public void An_org_rule_naming_the_signal_on_a_subscribed_channel_covers_it()
    {
        var org = Org(["/event/LogEntryEvent__e", "/event/BatchApexErrorEvent", "/event/ConcurLongRunApexErrEvent", "/event/Flow_Fault__e"],
            new SignalRuleOptions { Channel = "/event/Flow_Fault__e", Signal = "flow.error", Kind = SignalKind.Failure });

        Assert.Empty(SignalCoverage.Uncovered(OrgId, org.Channels, Default, Sources(org)));
    }

    [Fact]
    public void A_ratio_whose_denominator_nothing_feeds_is_uncovered()
    {
        var policy = new Policy
        {
            Name = "ratio",
            Metrics = [new MetricPolicy { Name = "failed-orders", Signal = "apex.error", Denominator = "business.order.created", Measure = MetricMeasure.Ratio, FailWhen = new MetricRule { Above = 0.05 } }],
        };
        var org = Org(["/event/LogEntryEvent__e", "/data/OpportunityChangeEvent"]);

        var uncovered = SignalCoverage.Uncovered(OrgId, org.Channels, policy, Sources(org));

        Assert.Equal([new UncoveredMetric("ratio", "failed-orders", "business.order.created")], uncovered);
    }

    [Fact]
    public async Task At_start_each_uncovered_metric_of_a_streamed_org_is_a_warning_naming_org_metric_and_signal()
    {
        var org = Org(["/event/LogEntryEvent__e", "/event/BatchApexErrorEvent", "/event/ConcurLongRunApexErrEvent"]);
        var logger = new ListLogger<SignalCoverageStartupCheck>();
        var check = new SignalCoverageStartupCheck(Options.Create(new SignalCaptureOrgs { Orgs = [org] }), new PolicyCatalog([]), Sources(org), logger, [], Sources(org));

        await check.StartAsync(CancellationToken.None);

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(OrgId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("'flow-errors'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("flow.error", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task The_daily_api_gauge_is_unseen_only_when_the_limits_poller_is_off(bool pollerOn, bool unseen)
    {
        var org = Org(["/event/LogEntryEvent__e", "/event/LightningUriEventStream", "/event/ApiEventStream"]);
        var logger = new ListLogger<SignalCoverageStartupCheck>();
        var captured = Options.Create(new SignalCaptureOrgs { Orgs = [org] });
        var limits = new LimitsPolledChannels(captured, Options.Create(new LimitsPollingOptions { Enabled = pollerOn }));
        var check = new SignalCoverageStartupCheck(captured, new PolicyCatalog([]), Sources(org), logger, [limits], Sources(org));

        await check.StartAsync(CancellationToken.None);

        Assert.Equal(unseen, logger.Entries.Any(e => e.Message.Contains("'api-requests-used'", StringComparison.Ordinal)));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("'page-time'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_org_declaring_no_dependency_is_told_it_cannot_see_dependency_health_and_one_declaring_some_is_not()
    {
        var without = Org(["/event/LogEntryEvent__e"]);
        var with = Org(["/event/LogEntryEvent__e"]);
        with.Id = "00D000000000002AAA";
        with.Dependencies = [new DependencyOptions { Name = "payments", Url = new Uri("https://payments.example.com/health") }];
        var captured = Options.Create(new SignalCaptureOrgs { Orgs = [without, with] });
        var sources = new ClassifiedSignalSources(captured);
        var logger = new ListLogger<SignalCoverageStartupCheck>();
        var check = new SignalCoverageStartupCheck(captured, new PolicyCatalog([]), sources, logger, [], sources);

        await check.StartAsync(CancellationToken.None);

        var unseen = logger.Entries.Where(e => e.Message.Contains("'dependency-latency'", StringComparison.Ordinal)).ToList();
        Assert.Equal(LogLevel.Information, Assert.Single(unseen).Level);
        Assert.Contains(OrgId, unseen[0].Message, StringComparison.Ordinal);
        Assert.Equal(["dependency.payments.latency"], sources.Members(with.Id, "dependency.*.latency"));
    }

    private static OrgOptions Org(string[] channels, params SignalRuleOptions[] rules) => new()
    {
        Id = OrgId,
        Name = "Org",
        Environment = "production",
        Channels = [.. channels],
        Salesforce = new SalesforceOrgOptions { LoginUrl = new Uri("https://login.salesforce.com"), ClientId = "c", ClientSecret = "s", Rules = [.. rules] },
    };

    private static ClassifiedSignalSources Sources(OrgOptions org) => new(Options.Create(new SignalCaptureOrgs { Orgs = [org] }));
}
