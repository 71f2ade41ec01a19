using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class PeerScaleTests
{
    // A member at 30/min over the baseline hour; the check's 3 minutes hold `observed` of its creates.
    private static readonly MetricPolicy Creates = Some.Metric(new MetricRule { BelowBaselineByPercent = 60, BelowBaselineSignificance = 0.001 }) with
    {
        Name = "business-creates:business.opportunity.created",
        Signal = "business.opportunity.created",
        AgainstPeers = true,
        MinBaselineCount = 60,
    };

    [Theory]
    [InlineData(27, 1.0, Verdict.Failed)]   // case creates go on as before: opportunities at 30% fell alone
    [InlineData(27, 0.3, Verdict.Passed)]   // every object's creates fell to ~30% together: a lull the org shares (lunch)
    [InlineData(9, 0.9, Verdict.Failed)]    // opportunities at 10% while cases dipped a little (noise, a slow minute): still a drop
    [InlineData(90, 1.0, Verdict.Passed)]   // nothing fell
    [InlineData(0, 0.0, Verdict.Failed)]    // everything collapsed to zero: peers lower the baseline to a quarter at most
    public void A_member_is_judged_against_its_baseline_scaled_as_its_peers_moved(long observed, double peersLevel, Verdict expected)
    {
        var inputs = Inputs(observed, peersLevel);

        var judgement = MetricJudge.Judge(Creates, inputs);

        Assert.Equal(expected, judgement.Verdict);
    }

    [Fact]
    public void A_lull_its_peers_share_is_named_in_the_reason_with_the_scaled_baseline()
    {
        var judgement = MetricJudge.Judge(Creates, Inputs(27, 0.3));

        // 27 of the 90 case creates expected: at most ~39 by its upper 97.5 % bound, so the baseline is scaled to ~44 %, not 30 %.
        Assert.Contains("its 1 peer at 44% of their baseline", judgement.Reason, StringComparison.Ordinal);
        Assert.InRange(judgement.Baseline!.Value, 12.5, 14);
    }

    [Fact]
    public void Without_againstPeers_the_same_lull_fails_as_it_always_did()
    {
        var judgement = MetricJudge.Judge(Creates with { AgainstPeers = false }, Inputs(27, 0.3));

        Assert.Equal(Verdict.Failed, judgement.Verdict);
    }

    [Fact]
    public void AgainstPeers_reads_from_policy_json_and_is_refused_on_a_metric_that_is_not_a_template()
    {
        var catalog = PolicyCatalog.FromConfiguration(PolicyCatalogTests.JsonConfiguration("p", """
            { "metrics": [ { "name": "creates", "signal": "business.*.created", "measure": "perMinute", "againstPeers": true,
              "failWhen": { "belowBaselineBy": "60%" } } ] }
            """));
        var refused = Assert.Throws<InvalidPolicyException>(() => PolicyCatalog.FromConfiguration(PolicyCatalogTests.JsonConfiguration("q", """
            { "metrics": [ { "name": "creates", "signal": "business.opportunity.created", "measure": "perMinute", "againstPeers": true,
              "failWhen": { "belowBaselineBy": "60%" } } ] }
            """)));

        Assert.True(catalog.Get("p").Metrics[0].AgainstPeers);
        Assert.Contains("againstPeers", refused.Message, StringComparison.Ordinal);
    }

    private static MetricInputs Inputs(long observed, double peersLevel)
    {
        var checkedAt = Some.DeployedAt.AddMinutes(13);
        var peer = new PeerWindows(
            Some.Window("business.case.created", Some.DeployedAt.AddMinutes(10), 3, (long)Math.Round(3 * 30 * peersLevel)),
            Some.Window("business.case.created", Some.DeployedAt.AddMinutes(-60), 60, 1800));
        return new MetricInputs(
            Some.Window(Creates.Signal, Some.DeployedAt.AddMinutes(10), 3, observed), null,
            Some.Window(Creates.Signal, Some.DeployedAt.AddMinutes(-60), 60, 1800), null,
            checkedAt, new ReleaseWatch.Signals.StreamHealthOptions(), Peers: [peer]);
    }
}
