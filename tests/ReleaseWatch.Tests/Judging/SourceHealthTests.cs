using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

public sealed class SourceHealthTests
{
    private static readonly StreamHealthOptions Limits = new();

    [Theory]
    [InlineData(StreamState.Connected, 2, null, SignalSourceHealth.Healthy)]
    [InlineData(StreamState.Connected, 4, null, SignalSourceHealth.Down)]        // no report for longer than StaleAfter (3 min)
    [InlineData(StreamState.Stopped, 2, null, SignalSourceHealth.Healthy)]       // a clean stop is no outage by itself
    [InlineData(StreamState.Reconnecting, 0, null, SignalSourceHealth.Down)]
    [InlineData(StreamState.Failing, 0, null, SignalSourceHealth.Down)]
    [InlineData(StreamState.Connected, 0, 6, SignalSourceHealth.Lagging)]        // newest event older than LagLimit (5 min) on arrival
    public void Of_classifies_the_last_reports_at_the_given_instant(StreamState state, int reportedMinutesBefore, int? lagMinutes, SignalSourceHealth expected)
    {
        var at = Some.DeployedAt.AddMinutes(10);
        var report = Some.Report(state, at.AddMinutes(-reportedMinutesBefore)) with { Lag = lagMinutes is { } lag ? TimeSpan.FromMinutes(lag) : null };

        Assert.Equal(expected, SourceHealth.Of([report], at, Limits));
    }

    [Fact]
    public void Of_no_report_is_unknown()
    {
        Assert.Equal(SignalSourceHealth.Unknown, SourceHealth.Of([], Some.DeployedAt, Limits));
    }

    [Fact]
    public void The_judge_classifies_at_the_checks_time_so_reading_the_facts_later_changes_nothing()
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });
        var inputs = Some.Inputs(12, 120);
        var reported = inputs with { Observed = inputs.Observed with { Channels = [Some.Report(StreamState.Connected, inputs.CheckedAt.AddMinutes(-2))] } };

        var atTheCheck = MetricJudge.Judge(metric, reported);
        var hadItBeenLater = MetricJudge.Judge(metric, reported with { CheckedAt = reported.CheckedAt.AddMinutes(2) });

        Assert.Equal(Verdict.Failed, atTheCheck.Verdict);
        Assert.Equal(Verdict.Error, hadItBeenLater.Verdict);
    }
}
