using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Judging;

public sealed class NewErrorRuleTests
{
    private static readonly MetricPolicy Metric = Some.Metric(new MetricRule { Above = 2 }, MetricMeasure.NewErrors) with { Lookback = TimeSpan.FromMinutes(2) };

    [Fact]
    public void A_fingerprint_the_baseline_never_had_recurring_since_warmup_fails_naming_it_and_its_samples()
    {
        var npe = Errors("System.NullPointerException", "Attempt to de-reference a null object", "Class.QuoteLineService.recalculate: line 112, column 1", Some.DeployedAt.AddMinutes(6), 14);
        var inputs = Inputs(Tallies(Errors("System.CalloutException", "Read timed out", "Class.ErpSync.execute: line 8, column 1", Some.DeployedAt.AddMinutes(-30), 40)), Tallies(npe));

        var judgement = MetricJudge.Judge(Metric, inputs);

        Assert.Equal(Verdict.Failed, judgement.Verdict);
        Assert.StartsWith("System.NullPointerException in QuoteLineService.recalculate, 14 times since 10:06, never before", judgement.Reason, StringComparison.Ordinal);
        Assert.Contains("Attempt to de-reference a null object", judgement.Reason, StringComparison.Ordinal);
        Assert.Equal(14, Assert.Single(judgement.NewErrors!).Count);
    }

    [Fact]
    public void An_error_the_baseline_had_on_another_line_and_record_is_not_new()
    {
        var before = Errors("System.DmlException", "Update failed on id 001000000000001AAA", "Class.AccountService.save: line 40, column 1", Some.DeployedAt.AddMinutes(-20), 3);
        var after = Errors("System.DmlException", "Update failed on id 001000000000002AAA", "Class.AccountService.save: line 41, column 1", Some.DeployedAt.AddMinutes(6), 30, seconds: 10);

        var judgement = MetricJudge.Judge(Metric, Inputs(Tallies(before), Tallies(after)));

        Assert.Equal(Verdict.Passed, judgement.Verdict);
        Assert.Null(judgement.NewErrors);
    }

    [Fact]
    public void A_new_error_that_stopped_recurring_before_the_lookback_passes()
    {
        // A burst of 10 at 10:04, the check at 10:12 looking back to 10:10: it is not recurring.
        var burst = Errors("System.QueryException", "unexpected token", "Class.GlobalSearch.search: line 3, column 1", Some.DeployedAt.AddMinutes(4), 10, seconds: 5);

        var judgement = MetricJudge.Judge(Metric, Inputs(ErrorTallies.None, Tallies(burst)));

        Assert.Equal(Verdict.Passed, judgement.Verdict);
    }

    [Fact]
    public void A_new_error_seen_no_more_than_above_times_passes_with_it_as_evidence()
    {
        var stray = Errors("System.EmailException", "SendEmail failed", "Class.CaseNotification.notify: line 9, column 1", Some.DeployedAt.AddMinutes(10.5), 2);

        var judgement = MetricJudge.Judge(Metric, Inputs(ErrorTallies.None, Tallies(stray)));

        Assert.Equal(Verdict.Passed, judgement.Verdict);
        Assert.Single(judgement.NewErrors!);
    }

    [Fact]
    public void Without_tallies_or_with_a_baseline_tally_cut_at_its_scan_limit_never_before_cannot_be_told()
    {
        var npe = Errors("System.NullPointerException", "x", "Class.A.b: line 1, column 1", Some.DeployedAt.AddMinutes(6), 14);

        Assert.Equal(Verdict.Inconclusive, MetricJudge.Judge(Metric, Inputs(ErrorTallies.None, Tallies(npe)) with { Errors = null }).Verdict);
        Assert.Equal(Verdict.Inconclusive, MetricJudge.Judge(Metric, Inputs(ErrorTallies.None with { Complete = false }, Tallies(npe))).Verdict);
    }

    [Theory]
    [InlineData("'failWhen': { 'belowBaselineBy': '50%' }", "failWhen of a newErrors metric takes only above: how many times a new error must have occurred since warm-up (e.g. 2).")]
    [InlineData("'failWhen': { 'above': 2 }, 'minBaselineCount': 5", "minBaselineCount is not for newErrors (a new error is one the baseline never had).")]
    public void A_newErrors_metric_with_a_rule_it_cannot_judge_fails_at_start_naming_the_field(string fields, string problem)
    {
        var configuration = PolicyCatalogTests.JsonConfiguration("fresh", $"{{ 'metrics': [ {{ 'name': 'new-errors', 'signal': 'apex.error', 'measure': 'newErrors', {fields} }} ] }}");

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyCatalog.FromConfiguration(configuration));

        Assert.Equal($"Policy 'fresh', metric 'new-errors': {problem}", error.Message);
    }

    private static MetricInputs Inputs(ErrorTallies baseline, ErrorTallies watch)
    {
        var checkedAt = Some.DeployedAt.AddMinutes(12);
        var inputs = Some.Inputs(0, 0);
        return inputs with
        {
            Observed = inputs.Observed with { From = Some.DeployedAt.AddMinutes(10), To = checkedAt },
            CheckedAt = checkedAt,
            Errors = new ErrorHistory(baseline, watch),
        };
    }

    private static ErrorTallies Tallies(params IEnumerable<SignalEvidence>[] errors) => ErrorTallies.Of(errors.SelectMany(e => e), 100, 3, complete: true);

    /// <summary>n occurrences <paramref name="seconds"/> apart from <paramref name="from"/>.</summary>
    private static IEnumerable<SignalEvidence> Errors(string type, string message, string source, DateTimeOffset from, int n, int seconds = 20) =>
        Enumerable.Range(0, n).Select(i => new SignalEvidence(
            "00D000000000001AAA", "apex.error", "/event/LogEntryEvent__e", i + 1, from.AddSeconds(seconds * i), type, message, source, []));
}
