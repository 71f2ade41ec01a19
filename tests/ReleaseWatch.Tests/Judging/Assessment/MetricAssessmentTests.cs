using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;

namespace ReleaseWatch.Tests.Judging.Assessment;

public sealed class MetricAssessmentTests
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
    public void Record_breaches_only_when_the_failure_held_for_the_metrics_for(string history, int forMinutes, bool breached, int? heldMinutes)
    {
        var streak = Run(history, TimeSpan.FromMinutes(forMinutes))[^1].Streak;

        Assert.Equal(breached, streak.Breached);
        Assert.Equal(heldMinutes is null ? null : Some.DeployedAt.AddMinutes(history.Length - 1 - heldMinutes.Value), streak.Since);
    }

    [Fact]
    public void Record_reads_the_judges_verdicts_at_the_end_of_their_checked_span()
    {
        var metric = Some.Metric(new MetricRule { Above = 5 });
        var track = MetricTrack.New(metric.Name);
        AssessedCheck? last = null;
        foreach (var judgement in Enumerable.Range(0, 4).Select(i => MetricJudge.Judge(metric, Shifted(i))))
        {
            last = MetricAssessment.Record(track, judgement.Verdict, judgement.WindowTo, TwoMinutes);
            track = last.Track;
        }

        Assert.True(last!.Streak.Breached);
        Assert.Equal(TimeSpan.FromMinutes(3), last.Streak.HeldFor);
    }

    [Theory]
    [InlineData("FFFF", 1, 1)]      // breaches once, when the run first held for for
    [InlineData("FFPFF", 1, 1)]     // a breached metric stays breached: a later run does not act again
    [InlineData("FPFP", 1, -1)]     // never held
    public void Record_breaches_a_metric_once(string history, int forMinutes, int breachesAt)
    {
        var checks = Run(history, TimeSpan.FromMinutes(forMinutes));

        Assert.Equal(breachesAt, checks.FindIndex(c => c.Breaches));
        Assert.Equal(breachesAt < 0 ? 0 : 1, checks.Count(c => c.Breaches));
    }

    [Theory]
    [InlineData("EEP", 2, true)]    // the source came back: a later outage alerts again
    [InlineData("EEI", 2, true)]
    [InlineData("EEE", 2, false)]
    [InlineData("PPP", 2, false)]
    public void Record_says_when_a_down_source_recovers(string history, int at, bool recovered)
    {
        var checks = Run(history, TwoMinutes);

        Assert.Equal(recovered, checks[at].SourceRecovered);
        Assert.Equal(history[at] == 'E', checks[at].Track.SourceDown);
    }

    // Tracks per metric as letter histories; inconclusiveLimit 2. Observe-mode metrics do not count.
    [Theory]
    [InlineData("PPPP", null)]
    [InlineData("PIIP", null)]                                                           // at the limit
    [InlineData("PIIIP", "'apex-errors' was inconclusive in 3 of 5 checks (limit 2)")] // beyond it
    [InlineData("IEPP", null)]                                                           // errors count towards it too
    [InlineData("IEEP", "'apex-errors' was inconclusive in 3 of 4 checks (limit 2)")]
    [InlineData("PPPE", "'apex-errors' source is down")]
    [InlineData("", "'apex-errors' was never judged")]
    [InlineData("PPFF", "'apex-errors' was still failing when the window ended")]      // for 5: not yet breached
    public void Conclude_names_what_keeps_the_window_from_being_verified(string history, string? reason)
    {
        var policy = new Policy { Name = "p", InconclusiveLimit = 2, Metrics = [Some.Metric(new MetricRule { Above = 5 }) with { For = TimeSpan.FromMinutes(5) }] };
        var track = history.Length == 0 ? MetricTrack.New("apex-errors") : Run(history, TimeSpan.FromMinutes(5))[^1].Track;

        var conclusion = MetricAssessment.Conclude(policy, [track]);

        Assert.Equal(reason is null ? [] : [reason], conclusion.Reasons);
        Assert.Equal(reason is null, conclusion.Verified);
        Assert.Equal(history.Length, conclusion.Judgements);
    }

    [Fact]
    public void Conclude_leaves_observe_mode_metrics_out()
    {
        var observed = Some.Metric(new MetricRule { Above = 5 }) with { Mode = MetricMode.Observe };
        var policy = new Policy { Name = "p", Metrics = [observed] };

        Assert.True(MetricAssessment.Conclude(policy, []).Verified);
    }

    // D: a decisive failure (p below decisive.significance); F a marginal one; S: inconclusive because a stream was silent.
    [Theory]
    [InlineData("DDD", true)]     // overwhelming for 2 minutes: breaches before "for" (10)
    [InlineData("DD", false)]
    [InlineData("DFD", false)]    // a marginal failure breaks the decisive run; "for" applies
    [InlineData("DPDD", false)]
    [InlineData("DIDD", true)]    // missing data neither breaks nor counts
    public void Record_breaches_a_decisive_run_after_decisive_for_and_a_marginal_one_only_after_for(string history, bool breached)
    {
        var checks = Run(history, TimeSpan.FromMinutes(10), decisiveFor: TwoMinutes);

        Assert.Equal(breached, checks.Any(c => c.Breaches));
    }

    [Fact]
    public void Record_without_decisive_for_waits_for_for_whatever_the_evidence()
    {
        Assert.DoesNotContain(Run("DDDDD", TimeSpan.FromMinutes(10)), c => c.Breaches);
    }

    [Fact]
    public void Conclude_never_verifies_a_window_in_which_a_stream_was_silent()
    {
        var policy = new Policy { Name = "p", Metrics = [Some.Metric(new MetricRule { Above = 5 })] };

        var conclusion = MetricAssessment.Conclude(policy, [Run("PPSPP", TwoMinutes)[^1].Track]);

        Assert.Equal(["'apex-errors' was fed by a silent stream in 1 of 5 checks"], conclusion.Reasons);
    }

    [Fact]
    public void Conclude_judges_template_members_by_their_tracks_and_an_empty_family_is_no_reason()
    {
        var template = Some.Metric(new MetricRule { BelowBaselineByPercent = 50 }) with { Name = "creates", Signal = "business.*.created" };
        var policy = new Policy { Name = "p", Metrics = [template] };
        var member = Run("PPSP", TwoMinutes)[^1].Track with { Metric = "creates:business.opportunity.created" };

        Assert.True(MetricAssessment.Conclude(policy, []).Verified);
        Assert.Equal(["'creates:business.opportunity.created' was fed by a silent stream in 1 of 4 checks"], MetricAssessment.Conclude(policy, [member]).Reasons);
        Assert.Equal("business.opportunity.created", MetricFamily.Find(policy, member.Metric)!.Signal);
        Assert.Null(MetricFamily.Find(policy, "creates:business.opportunity.updated"));
    }

    private static List<AssessedCheck> Run(string history, TimeSpan holdFor, TimeSpan? decisiveFor = null)
    {
        var checks = new List<AssessedCheck>();
        var track = MetricTrack.New("apex-errors");
        for (var i = 0; i < history.Length; i++)
        {
            var check = MetricAssessment.Record(
                track, Letter(history[i]), Some.DeployedAt.AddMinutes(i), holdFor, silent: history[i] == 'S', decisive: history[i] == 'D', decisiveFor);
            checks.Add(check);
            track = check.Track;
        }

        return checks;
    }

    private static MetricInputs Shifted(int minutes)
    {
        var inputs = Some.Inputs(12, 120);
        var observed = Some.Window("apex.error", inputs.Observed.From.AddMinutes(minutes), 1, 12);
        return inputs with { Observed = observed, CheckedAt = observed.To };
    }

    private static Verdict Letter(char c) => c switch
    {
        'P' => Verdict.Passed,
        'F' or 'D' => Verdict.Failed,
        'I' or 'S' => Verdict.Inconclusive,
        _ => Verdict.Error,
    };
}
