using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

public sealed class StreamSilenceTests
{
    private const string Channel = "/event/LogEntryEvent__e";

    /// <summary>The check is made when the traffic span ends.</summary>
    private static readonly DateTimeOffset TrafficEnd = Some.DeployedAt.AddMinutes(13);

    /// <summary>The log stream's traffic: <paramref name="baseline"/> events over the hour before, <paramref name="recent"/> over 10:10–10:13.</summary>
    private static ChannelTrafficWindows Traffic(long recent, long baseline)
    {
        var signal = ChannelTraffic.Signal(Channel);
        return new(Channel, Some.Window(signal, Some.DeployedAt.AddMinutes(10), 3, recent), Some.Window(signal, Some.DeployedAt.AddMinutes(-60), 60, baseline));
    }

    [Fact]
    public void Zero_errors_on_a_stream_that_stopped_delivering_is_inconclusive_not_passed()
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });

        var judgement = MetricJudge.Judge(metric, Some.Inputs(0, 120) with { CheckedAt = TrafficEnd, Traffic = [Traffic(0, 1800)] });

        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
        var silent = Assert.Single(judgement.SilentStreams!);
        Assert.Equal(Channel, silent.Channel);
        Assert.Equal(90, silent.Expected, 1e-9);
        Assert.True(silent.PValue < StreamSilence.Significance);
        Assert.Contains("is silent", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_keeps_its_usual_traffic_lets_the_check_pass()
    {
        var judgement = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 120) with { CheckedAt = TrafficEnd, Traffic = [Traffic(80, 1800)] });

        Assert.Equal(Verdict.Passed, judgement.Verdict);
        Assert.Null(judgement.SilentStreams);
    }

    [Fact]
    public void A_channel_that_is_quiet_in_its_baseline_too_is_not_called_silent()
    {
        var judgement = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 0) with { CheckedAt = TrafficEnd, Traffic = [Traffic(0, 12)] });

        Assert.Equal(Verdict.Passed, judgement.Verdict);
    }

    [Theory]
    [InlineData(0, 0, Verdict.Inconclusive)]  // a log carrying ~1.3 entries a minute has delivered nothing for fifteen minutes: silent
    [InlineData(0, 1, Verdict.Inconclusive)]  // one stray entry in fifteen minutes, where twenty are expected: still silent
    [InlineData(0, 18, Verdict.Passed)]       // three quiet minutes of a sparse stream are chance when the quarter-hour carried its usual
    public void A_sparse_stream_is_judged_silent_over_the_longer_span_once_enough_of_its_events_are_missing(long recent, long longer, Verdict expected)
    {
        // 78 entries in the baseline hour: three minutes expect 3.9 (none of them is rare), fifteen expect 19.5.
        var signal = ChannelTraffic.Signal(Channel);
        var traffic = new ChannelTrafficWindows(
            Channel,
            Some.Window(signal, Some.DeployedAt.AddMinutes(10), 3, recent),
            Some.Window(signal, Some.DeployedAt.AddMinutes(-60), 60, 78),
            Some.Window(signal, Some.DeployedAt.AddMinutes(-2), 15, longer));

        var judgement = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 4) with { CheckedAt = TrafficEnd, Traffic = [traffic] });

        Assert.Equal(expected, judgement.Verdict);
        if (expected == Verdict.Inconclusive)
        {
            var silent = Assert.Single(judgement.SilentStreams!);
            Assert.Equal(19.5, silent.Expected, 1e-9);
            Assert.Equal(Some.DeployedAt.AddMinutes(-2), silent.From);
        }
    }

    [Fact]
    public void Without_the_longer_span_three_empty_minutes_of_a_sparse_stream_are_not_silence()
    {
        var judgement = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 4) with { CheckedAt = TrafficEnd, Traffic = [Traffic(0, 78)] });

        Assert.Equal(Verdict.Passed, judgement.Verdict);
    }

    [Fact]
    public void A_failure_on_a_silent_stream_still_fails()
    {
        var metric = Some.Metric(new MetricRule { BelowBaselineByPercent = 50 }) with { Signal = "business.opportunity.created" };

        var judgement = MetricJudge.Judge(metric, Some.Inputs(0, 1200, signal: "business.opportunity.created") with { CheckedAt = TrafficEnd, Traffic = [Traffic(0, 1800)] });

        Assert.Equal(Verdict.Failed, judgement.Verdict);
        Assert.NotNull(judgement.SilentStreams);
    }

    [Fact]
    public void A_minute_only_just_begun_is_not_judged_silent_though_nothing_arrived_in_it_yet()
    {
        // The first check after warm-up is made as its minute begins: the span is that whole minute, none of it captured.
        var signal = ChannelTraffic.Signal(Channel);
        var justBegun = new ChannelTrafficWindows(Channel, Some.Window(signal, Some.DeployedAt.AddMinutes(2), 1, 0), Some.Window(signal, Some.DeployedAt.AddMinutes(-60), 60, 4000));

        var first = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 120) with { CheckedAt = Some.DeployedAt.AddMinutes(2), Traffic = [justBegun] });
        var minuteLater = MetricJudge.Judge(Some.Metric(new MetricRule { Above = 5 }), Some.Inputs(0, 120) with { CheckedAt = Some.DeployedAt.AddMinutes(3), Traffic = [justBegun] });

        Assert.Equal(Verdict.Passed, first.Verdict);
        Assert.Null(first.SilentStreams);
        Assert.Equal(Verdict.Inconclusive, minuteLater.Verdict);
        Assert.NotNull(minuteLater.SilentStreams);
    }

    [Fact]
    public void Traffic_signals_name_their_channel_and_back()
    {
        Assert.Equal("traffic.event.LogEntryEvent__e", ChannelTraffic.Signal(Channel));
        Assert.Equal(Channel, ChannelTraffic.ChannelOf(ChannelTraffic.Signal(Channel)));
        Assert.True(ISignalFamilies.Matches("traffic.*", ChannelTraffic.Signal(Channel)));
        Assert.False(ISignalFamilies.Matches("business.*.created", "business.opportunity.updated"));
    }
}
