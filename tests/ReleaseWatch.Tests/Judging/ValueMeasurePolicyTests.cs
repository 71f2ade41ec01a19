using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

/// <summary>Policies with value measures: read from configuration, validated with the field named.</summary>
public sealed class ValueMeasurePolicyTests
{
    private const string Prefix = "Policy 'latency', metric 'page-time': ";

    [Fact]
    public void A_p95_rule_relative_to_the_baseline_reads_with_its_minimum_sample()
    {
        var configuration = PolicyCatalogTests.JsonConfiguration("latency", """
            { 'metrics': [ { 'name': 'page-time', 'signal': 'ui.page-time', 'measure': 'p95', 'failWhen': { 'aboveBaselineBy': '50%' },
                             'for': 'PT5M', 'minSample': 40 },
                           { 'name': 'api-limit', 'signal': 'saturation.limit.DailyApiRequests', 'measure': 'gauge', 'failWhen': { 'above': 0.9 } } ] }
            """);

        var policy = PolicyCatalog.FromConfiguration(configuration).Get("latency");

        var pageTime = policy.Metrics[0];
        Assert.Equal((MetricMeasure.P95, 50d, 40, TimeSpan.FromMinutes(5)), (pageTime.Measure, pageTime.FailWhen.AboveBaselineByPercent, pageTime.MinSample, pageTime.For));
        Assert.Equal(MetricMeasure.Last, policy.Metrics[1].Measure);
    }

    [Theory]
    [InlineData("'measure': 'p95', 'failWhen': { 'poissonSignificance': 0.01 }", "failWhen.poissonSignificance tests counts, so it cannot judge a value measure (p95).")]
    [InlineData("'measure': 'perMinute', 'minSample': 5, 'failWhen': { 'above': 1 }", "minSample is only for value measures (mean, p50, p90, p95, p99, max, last).")]
    [InlineData("'measure': 'mean', 'minSample': 0, 'failWhen': { 'above': 1 }", "minSample must be 1 or more.")]
    [InlineData("'measure': 'p97', 'failWhen': { 'above': 1 }", "measure must be one of \"count\", \"perMinute\", \"ratio\", \"mean\", \"p50\", \"p90\", \"p95\", \"p99\", \"max\", \"last\", \"gauge\", \"newErrors\" (got \"p97\").")]
    public void A_value_measure_that_cannot_work_fails_at_start_naming_the_field(string fields, string problem)
    {
        var configuration = PolicyCatalogTests.JsonConfiguration("latency",
            $"{{ 'metrics': [ {{ 'name': 'page-time', 'signal': 'ui.page-time', {fields} }} ] }}");

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyCatalog.FromConfiguration(configuration));

        Assert.Equal(Prefix + problem, error.Message);
    }
}
