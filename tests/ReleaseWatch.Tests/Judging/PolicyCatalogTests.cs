using System.Text;
using Microsoft.Extensions.Configuration;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Judging;

public sealed class PolicyCatalogTests
{
    // design.md "The judge", with quotes as ' for readability.
    private const string DesignPolicy = """
        { 'name': 'production-default', 'window': 'PT90M', 'interval': 'PT1M', 'warmup': 'PT3M',
          'baseline': { 'window': 'PT120M' }, 'inconclusiveLimit': 5, 'decisionDeadline': 'PT45M',
          'defaultDecision': 'revert', 'responseTimeout': 'PT20M', 'requireApproval': true,
          'metrics': [
            { 'name': 'apex-errors', 'signal': 'apex.error', 'measure': 'perMinute',
              'failWhen': { 'above': 5, 'aboveBaselineBy': '200%' }, 'for': 'PT2M',
              'severity': 'critical', 'onBreach': { 'revert': {} } },
            { 'name': 'opportunity-creates', 'signal': 'business.opportunity.created', 'measure': 'perMinute',
              'failWhen': { 'belowBaselineBy': '50%' }, 'for': 'PT10M', 'minBaselineCount': 20, 'lookback': 'PT5M',
              'severity': 'critical', 'onBreach': { 'revert': {} }, 'mode': 'observe' },
            { 'name': 'batch-errors', 'signal': 'batch.error', 'measure': 'count',
              'failWhen': { 'above': 0 }, 'severity': 'warning',
              'onBreach': { 'remediate': { 'action': 'rerun-batch', 'parameters': { 'job': 'Nightly', 'retries': 2 } } } },
            { 'name': 'api-error-ratio', 'signal': 'api.error', 'measure': 'ratio', 'denominator': 'api.request',
              'failWhen': { 'above': 0.02 }, 'mode': 'alert', 'onBreach': { 'alert': {} } },
            { 'name': 'rare-errors', 'signal': 'integration.error', 'measure': 'count',
              'failWhen': { 'poissonSignificance': 0.01 } } ] }
        """;

    [Fact]
    public void FromConfiguration_reads_the_design_policy_from_json_configuration()
    {
        var catalog = PolicyCatalog.FromConfiguration(JsonConfiguration("production-default", DesignPolicy));

        var policy = catalog.Get("production-default");
        Assert.Equal(
            (TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(120), 5, TimeSpan.FromMinutes(45), PolicyDefaultDecision.Revert, TimeSpan.FromMinutes(20), true),
            (policy.Window, policy.Interval, policy.Warmup, policy.BaselineWindow, policy.InconclusiveLimit, policy.DecisionDeadline, policy.DefaultDecision, policy.ResponseTimeout, policy.RequireApproval));
        Assert.Equal(["apex-errors", "opportunity-creates", "batch-errors", "api-error-ratio", "rare-errors"], policy.Metrics.Select(m => m.Name));
        var apex = policy.Metrics[0];
        Assert.Equal(new MetricRule { Above = 5, AboveBaselineByPercent = 200 }, apex.FailWhen);
        Assert.Equal((MetricMeasure.PerMinute, TimeSpan.FromMinutes(2), MetricSeverity.Critical, BreachActionKind.Revert, MetricMode.Act),
            (apex.Measure, apex.For, apex.Severity, apex.OnBreach.Kind, apex.Mode));
        var creates = policy.Metrics[1];
        Assert.Equal((50d, 20, TimeSpan.FromMinutes(5), MetricMode.Observe), (creates.FailWhen.BelowBaselineByPercent, creates.MinBaselineCount, creates.Lookback, creates.Mode));
        var batch = policy.Metrics[2];
        Assert.Equal((MetricMeasure.Count, MetricSeverity.Warning, BreachActionKind.Remediate, "rerun-batch"),
            (batch.Measure, batch.Severity, batch.OnBreach.Kind, batch.OnBreach.RemediationAction));
        Assert.Equal(new Dictionary<string, string> { ["job"] = "Nightly", ["retries"] = "2" }, batch.OnBreach.Parameters);
        var ratio = policy.Metrics[3];
        Assert.Equal((MetricMeasure.Ratio, "api.request", 0.02, MetricMode.Alert, BreachActionKind.Alert),
            (ratio.Measure, ratio.Denominator, ratio.FailWhen.Above, ratio.Mode, ratio.OnBreach.Kind));
        var rare = policy.Metrics[4];
        Assert.Equal((0.01, MetricSeverity.Critical, BreachActionKind.Alert, TimeSpan.Zero), (rare.FailWhen.PoissonSignificance, rare.Severity, rare.OnBreach.Kind, rare.For));
    }

    [Fact]
    public void FromConfiguration_reads_a_policy_given_as_one_json_string_like_the_object()
    {
        var fromString = PolicyCatalog.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReleaseWatch:Policies:production-default"] = DesignPolicy.Replace('\'', '"') })
            .Build());
        var fromObject = PolicyCatalog.FromConfiguration(JsonConfiguration("production-default", DesignPolicy));

        Assert.Equal(
            ReleaseWatchJsonOf(fromObject.Get("production-default")),
            ReleaseWatchJsonOf(fromString.Get("production-default")));
    }

    [Fact]
    public void FromConfiguration_reads_flat_keys_as_environment_variables_give_them_and_applies_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Policies:uat:metrics:0:name"] = "apex-errors",
            ["ReleaseWatch:Policies:uat:metrics:0:signal"] = "apex.error",
            ["ReleaseWatch:Policies:uat:metrics:0:measure"] = "PerMinute",
            ["ReleaseWatch:Policies:uat:metrics:0:failWhen:above"] = "10",
            ["ReleaseWatch:Policies:uat:metrics:0:onBreach"] = "revert",
        }).Build();

        var policy = PolicyCatalog.FromConfiguration(configuration).Get("UAT");

        Assert.Equal(
            (TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(60), 3, TimeSpan.FromMinutes(30), PolicyDefaultDecision.Accept, TimeSpan.FromMinutes(15), false),
            (policy.Window, policy.Interval, policy.Warmup, policy.BaselineWindow, policy.InconclusiveLimit, policy.DecisionDeadline, policy.DefaultDecision, policy.ResponseTimeout, policy.RequireApproval));
        Assert.Equal((BreachActionKind.Revert, MetricMode.Act, MetricSeverity.Critical, (int?)null),
            (policy.Metrics[0].OnBreach.Kind, policy.Metrics[0].Mode, policy.Metrics[0].Severity, policy.Metrics[0].MinBaselineCount));
    }

    [Fact]
    public void Catalog_ships_a_default_policy_that_configuration_may_replace()
    {
        var builtIn = PolicyCatalog.FromConfiguration(new ConfigurationBuilder().Build());
        var replaced = PolicyCatalog.FromConfiguration(JsonConfiguration("default", DesignPolicy.Replace("production-default", "default", StringComparison.Ordinal)));

        Assert.Equal(["apex-errors", "apex-error-rate", "new-errors", "flow-errors", "batch-errors", "business-creates", "stream-traffic", "concurrent-apex-limit", "page-time", "api-request-time", "api-requests-used", "dependency-failing", "dependency-latency"], builtIn.Default.Metrics.Select(m => m.Name));
        Assert.Equal(5, replaced.Default.Metrics.Count);
    }

    [Fact]
    public void Resolve_prefers_the_deployments_policy_then_the_orgs_then_the_default()
    {
        var catalog = PolicyCatalog.FromConfiguration(JsonConfiguration("production-default", DesignPolicy));

        Assert.Equal("production-default", catalog.Resolve("production-default", "default").Name);
        Assert.Equal("production-default", catalog.Resolve(null, "production-default").Name);
        Assert.Equal("default", catalog.Resolve(" ", null).Name);
        var unknown = Assert.Throws<KeyNotFoundException>(() => catalog.Resolve("nope", null));
        Assert.Equal("No policy named 'nope' under ReleaseWatch:Policies (known: default, production-default).", unknown.Message);
    }

    internal static IConfiguration JsonConfiguration(string name, string policy) => new ConfigurationBuilder()
        .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(
            $$"""{ "ReleaseWatch": { "Policies": { "{{name}}": {{policy.Replace('\'', '"')}} } } }""")))
        .Build();

    private static string ReleaseWatchJsonOf(Policy policy) => System.Text.Json.JsonSerializer.Serialize(policy, ReleaseWatchJson.Options);
}
