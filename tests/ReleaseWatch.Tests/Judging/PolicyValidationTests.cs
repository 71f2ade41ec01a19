using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class PolicyValidationTests
{
    private const string Metric = "'name': 'apex-errors', 'signal': 'apex.error', 'measure': 'perMinute'";
    private const string Good = "'failWhen': { 'above': 5 }";
    private const string Prefix = "Policy 'production-default', metric 'apex-errors': ";

    [Theory]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'aboveBaselineBy': 'abc' }} }} ] }}",
        Prefix + "failWhen.aboveBaselineBy must be a percentage like \"200%\" (got \"abc\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'aboveBaselineBy': '-5%' }} }} ] }}",
        Prefix + "failWhen.aboveBaselineBy must be more than 0%.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'belowBaselineBy': '100%' }} }} ] }}",
        Prefix + "failWhen.belowBaselineBy must be between 0% and 100% (exclusive).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'above': 'five' }} }} ] }}",
        Prefix + "failWhen.above must be a number like 5 or 0.01 (got \"five\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'above': -1 }} }} ] }}",
        Prefix + "failWhen.above must be zero or more.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'below': 0 }} }} ] }}",
        Prefix + "failWhen.below must be more than zero (nothing is below zero).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'poissonSignificance': 1.5 }} }} ] }}",
        Prefix + "failWhen.poissonSignificance must be more than 0 and at most 0.5 (e.g. 0.01).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ 'abovee': 5 }} }} ] }}",
        Prefix + "failWhen.abovee is not a known field (known: above, below, aboveBaselineBy, belowBaselineBy, poissonSignificance, belowBaselineSignificance).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, 'failWhen': {{ }} }} ] }}",
        Prefix + "failWhen must have at least one of above, below, aboveBaselineBy, belowBaselineBy, poissonSignificance, belowBaselineSignificance.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'for': '2 minutes' }} ] }}",
        Prefix + "for must be an ISO 8601 duration like \"PT5M\" (got \"2 minutes\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'for': 'PT2H' }} ] }}",
        Prefix + "for must be zero or more and shorter than the policy's window.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'lookback': 'PT30S' }} ] }}",
        Prefix + "lookback must be at least one minute (signals are counted per minute).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'minBaselineCount': 'many' }} ] }}",
        Prefix + "minBaselineCount must be a whole number like 20 (got \"many\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'severity': 'fatal' }} ] }}",
        Prefix + "severity must be one of \"warning\", \"critical\" (got \"fatal\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'mode': 'dry-run' }} ] }}",
        Prefix + "mode must be one of \"observe\", \"alert\", \"act\" (got \"dry-run\").")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'onBreach': {{ 'rollback': {{}} }} }} ] }}",
        Prefix + "onBreach.rollback is not a known field (known: alert, revert, remediate).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'onBreach': {{ 'revert': {{}}, 'alert': {{}} }} }} ] }}",
        Prefix + "onBreach must name exactly one of alert, revert, remediate (got alert, revert).")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'onBreach': {{ 'remediate': {{ 'parameters': {{ 'job': 'x' }} }} }} }} ] }}",
        Prefix + "onBreach.remediate.action is required.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good}, 'denominator': 'api.request' }} ] }}",
        Prefix + "denominator is only for measure \"ratio\".")]
    [InlineData("{ 'metrics': [ { 'name': 'apex-errors', 'signal': 'apex.error', 'measure': 'ratio', 'failWhen': { 'above': 0.1 } } ] }",
        Prefix + "denominator is required for a ratio (the signal to divide by).")]
    [InlineData("{ 'metrics': [ { 'name': 'apex-errors', 'signal': 'apex.error', 'measure': 'ratio', 'denominator': 'api.request', 'failWhen': { 'poissonSignificance': 0.01 } } ] }",
        Prefix + "failWhen.poissonSignificance tests counts, so it cannot judge a ratio.")]
    [InlineData("{ 'metrics': [ { 'name': 'apex-errors', 'signal': 'apex.error', 'failWhen': { 'above': 5 } } ] }",
        Prefix + "measure is required (one of count, perMinute, ratio, mean, p50, p90, p95, p99, max, last, gauge, newErrors).")]
    [InlineData("{ 'metrics': [ { 'name': 'apex-errors', 'measure': 'count', 'failWhen': { 'above': 5 } } ] }",
        Prefix + "signal is required.")]
    [InlineData("{ 'metrics': [ { 'signal': 'apex.error', 'measure': 'count', 'failWhen': { 'above': 5 } } ] }",
        "Policy 'production-default', metric '#0': name is required.")]
    [InlineData($"{{ 'window': 'soon', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': window must be an ISO 8601 duration like \"PT5M\" (got \"soon\").")]
    [InlineData($"{{ 'window': 'PT10M', 'warmup': 'PT10M', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': warmup must be zero or more and shorter than window.")]
    [InlineData($"{{ 'interval': 'PT0S', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': interval must be longer than zero and no longer than window.")]
    [InlineData($"{{ 'baseline': {{ 'window': 'PT0M' }}, 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': baseline.window must be longer than zero.")]
    [InlineData($"{{ 'baseline': {{ 'span': 'PT10M' }}, 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': baseline.span is not a known field (known: window).")]
    [InlineData($"{{ 'inconclusiveLimit': 0, 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': inconclusiveLimit must be 1 or more.")]
    [InlineData($"{{ 'defaultDecision': 'rollback', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': defaultDecision must be one of \"accept\", \"revert\" (got \"rollback\").")]
    [InlineData($"{{ 'requireApproval': 'yes', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': requireApproval must be true or false (got \"yes\").")]
    [InlineData($"{{ 'name': 'other', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': name must match the policy's key under ReleaseWatch:Policies (got \"other\").")]
    [InlineData($"{{ 'windw': 'PT10M', 'metrics': [ {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': windw is not a known field (known: name, window, interval, warmup, baseline, inconclusiveLimit, decisionDeadline, defaultDecision, responseTimeout, requireApproval, metrics).")]
    [InlineData("{ 'window': 'PT10M' }",
        "Policy 'production-default': metrics must list at least one metric.")]
    [InlineData($"{{ 'metrics': [ {{ {Metric}, {Good} }}, {{ {Metric}, {Good} }} ] }}",
        "Policy 'production-default': metrics must have unique names ('apex-errors' appears more than once).")]
    public void FromConfiguration_names_the_policy_the_metric_and_the_bad_field(string policy, string expected)
    {
        var configuration = PolicyCatalogTests.JsonConfiguration("production-default", policy);

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyCatalog.FromConfiguration(configuration));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void FromConfiguration_names_the_policy_whose_json_string_does_not_parse()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReleaseWatch:Policies:uat"] = "{ not json" })
            .Build();

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyCatalog.FromConfiguration(configuration));

        Assert.StartsWith("Policy 'uat': (the whole value) must be a policy object or a policy as a JSON string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddReleaseWatchPolicies_an_invalid_policy_fails_the_host_at_start()
    {
        var configuration = PolicyCatalogTests.JsonConfiguration("uat", "{ 'window': 'soon' }");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddReleaseWatchPolicies(configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidPolicyException>(() => host.StartAsync());

        Assert.Equal("window", error.Field);
    }

    [Fact]
    public async Task AddReleaseWatchPolicies_a_valid_catalog_starts_and_is_one_singleton()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddReleaseWatchPolicies(new ConfigurationBuilder().Build());
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Same(host.Services.GetRequiredService<PolicyCatalog>(), host.Services.GetRequiredService<PolicyCatalog>());
        Assert.Contains(PolicyCatalog.DefaultPolicyName, host.Services.GetRequiredService<PolicyCatalog>().Names);
        await host.StopAsync();
    }
}
