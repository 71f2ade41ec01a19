using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class BreachTrackerTests
{
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);

    // History is one letter per minute from 10:00 (P passed, F failed, I inconclusive, E error); the last letter is the latest check.
    [Theory]
    [InlineData("F", 0, true, 0)]          // for 0: the first failure breaches
    [InlineData("F", 2, false, 0)]
    [InlineData("FF", 2, false, 1)]
    [InlineData("FFF", 2, true, 2)]        // failure that holds
    [InlineData("FFP", 2, false, null)]    // recovered before for elapsed
    [InlineData("FPFF", 2, false, 1)]      // a pass restarts the run
    [InlineData("FIF", 2, true, 2)]        // inconclusive neither breaks nor fails
    [InlineData("FEEF", 2, true, 3)]       // nor does an outage
    [InlineData("FFI", 2, false, null)]    // the latest check must itself fail
    [InlineData("PIIF", 2, false, 0)]      // missing data alone never starts a run
    public void Evaluate_breaches_only_when_the_failure_held_for_the_metrics_for(string history, int forMinutes, bool breached, int? heldMinutes)
    {
        var points = history.Select((c, i) => new JudgementPoint(Some.DeployedAt.AddMinutes(i), Letter(c))).ToList();

        var streak = BreachTracker.Evaluate(points[..^1], points[^1], TimeSpan.FromMinutes(forMinutes));

        Assert.Equal(breached, streak.Breached);
        Assert.Equal(heldMinutes is null ? null : Some.DeployedAt.AddMinutes(history.Length - 1 - heldMinutes.Value), streak.Since);
    }

    [Fact]
    public void Evaluate_reads_judgements_at_the_end_of_their_checked_span_in_any_order()
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });
        var judgements = new[] { 2, 0, 1 }.Select(i => MetricJudge.Judge(metric, Shifted(i))).ToList();

        var streak = BreachTracker.Evaluate(judgements.Take(2), MetricJudge.Judge(metric, Shifted(3)), TwoMinutes);

        Assert.True(streak.Breached);
        Assert.Equal(TimeSpan.FromMinutes(3), streak.HeldFor);
    }

    private static MetricInputs Shifted(int minutes)
    {
        var inputs = Some.Inputs(12, 120);
        return inputs with { Observed = Some.Window("apex.error", inputs.Observed.From.AddMinutes(minutes), 1, 12) };
    }

    private static Verdict Letter(char c) => c switch
    {
        'P' => Verdict.Passed,
        'F' => Verdict.Failed,
        'I' => Verdict.Inconclusive,
        _ => Verdict.Error,
    };
}
