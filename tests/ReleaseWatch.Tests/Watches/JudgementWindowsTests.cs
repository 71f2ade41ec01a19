using ReleaseWatch.Watches;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Tests.Watches;

public sealed class JudgementWindowsTests
{
    private static readonly WatchState Watch = WatchDecider.Start(
        "w-1", new DeploymentReceived(Some.Deployment(), "test", "test"), Some.Policy(), Some.CompletedAt).State;

    [Fact]
    public void Observed_early_in_a_minute_also_spans_the_previous_whole_minute()
    {
        var checkedAt = Some.CompletedAt.AddMinutes(5).AddSeconds(3);

        var (from, to) = JudgementWindows.Observed(Watch, Some.Policy(), Some.Metric(), checkedAt);

        // 10:04:00 to 10:05:03: a steady failure three seconds into 10:05 is still measured over a whole minute.
        Assert.Equal(Some.CompletedAt.AddMinutes(4), from);
        Assert.Equal(checkedAt, to);
    }

    [Fact]
    public void Observed_at_the_end_of_warmup_leaves_the_warmup_out()
    {
        var checkedAt = Some.CompletedAt.AddMinutes(2);

        var (from, to) = JudgementWindows.Observed(Watch, Some.Policy(), Some.Metric(), checkedAt);

        Assert.Equal(Some.CompletedAt.AddMinutes(2), from);
        Assert.Equal(Some.CompletedAt.AddMinutes(3), to);
    }

    [Fact]
    public void Observed_right_after_warmup_counts_the_first_minute_as_a_whole_one()
    {
        var checkedAt = Some.CompletedAt.AddMinutes(2).AddSeconds(1);

        var (from, to) = JudgementWindows.Observed(Watch, Some.Policy(), Some.Metric(), checkedAt);

        Assert.Equal(Some.CompletedAt.AddMinutes(2), from);
        Assert.Equal(Some.CompletedAt.AddMinutes(3), to);
    }
}
