using ReleaseWatch.Alerts;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Judging;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;
using Some = ReleaseWatch.Tests.Watches.Deciding.Some;

namespace ReleaseWatch.Tests.Dashboard;

public sealed class TimelineEntryTests
{
    [Fact]
    public void Of_tells_the_watch_in_time_order_from_deployment_through_breach_alert_and_operator()
    {
        var at = Some.CompletedAt;
        var failed = Some.Judgement("apex-errors", Verdict.Failed, at.AddMinutes(4), 9);
        HistoryEntry[] history =
        [
            new(1, at.AddSeconds(5), WatchPhase.Pending, new DeploymentReceived(Some.Deployment(), "test", "webhook"), [], "started"),
            new(2, at.AddMinutes(3), WatchPhase.Watching, new SignalsJudged(JudgementTrigger.Check, at.AddMinutes(3), [Some.Judgement("apex-errors", Verdict.Passed, at.AddMinutes(3))]), [], ""),
            new(3, at.AddMinutes(4), WatchPhase.Breached, new SignalsJudged(JudgementTrigger.Nudge, at.AddMinutes(4), [failed]),
                [new RaiseAlert("a1", AlertKind.Breach, AlertSeverity.Critical, "apex-errors breached", "held 2 min", [failed], null)], "apex-errors breached"),
            new(4, at.AddMinutes(6), WatchPhase.Cancelled, new OperatorActed(OperatorActionKind.Abort, "ana@example.com", null, "manual rollback"), [], "aborted"),
        ];

        var timeline = TimelineEntry.Of(MetricChartTests.State(failed), history);

        Assert.Equal(["deployment", "warmup", "check", "phase", "nudge", "breach", "alert", "operator", "phase"], timeline.Select(e => e.Kind));
        Assert.Equal("Warm-up ends", timeline[1].Title);
        Assert.Equal(at.AddMinutes(2), timeline[1].At);
        Assert.Equal("ana@example.com: abort", timeline[7].Title);
        Assert.Contains("apex-errors Failed: 9", timeline[4].Detail);
    }

    [Theory]
    [InlineData(WatchPhase.Watching, false, new[] { "extend", "abort" })]
    [InlineData(WatchPhase.Breached, true, new[] { "approve-revert", "abort" })]
    [InlineData(WatchPhase.Inconclusive, false, new[] { "approve-revert", "abort" })]
    [InlineData(WatchPhase.Reverted, false, new string[0])]
    public void The_page_offers_only_the_actions_the_phase_allows(WatchPhase phase, bool awaitingApproval, string[] actions) =>
        Assert.Equal(actions, WatchView.ActionsFor(MetricChartTests.State(null, phase, awaitingApproval)));
}
