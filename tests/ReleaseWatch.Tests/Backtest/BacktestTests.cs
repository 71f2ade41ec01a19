using ReleaseWatch.Backtest;
using ReleaseWatch.Functions.Cli;
using ReleaseWatch.Judging;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Tests.Backtest;

public sealed class BacktestTests
{
    private static readonly string Bundled = RepoPaths.Of("Functions", "demo", "recording.jsonl");

    [Fact]
    public async Task The_bundled_incident_breaches_apex_errors_once_the_failure_held_for_two_minutes()
    {
        var report = await Backtester.RunAsync(await Recording.ReadAsync(Bundled, CancellationToken.None), new PolicyCatalog([]).Default, null, null, CancellationToken.None);

        var breach = Assert.Single(report.Breaches);
        Assert.Equal(["apex-errors"], breach.Breached);
        var firstFailed = report.Judgements.First(j => j.Judgements.Any(m => m.Metric == "apex-errors" && m.Verdict == Verdict.Failed));
        Assert.True(breach.At - firstFailed.At >= TimeSpan.FromMinutes(2), $"breached at {breach.At:u}, failing since {firstFailed.At:u}");
        Assert.All(report.Judgements.Where(j => j.At < firstFailed.At && j.Trigger == JudgementTrigger.Check),
            j => Assert.Equal(Verdict.Passed, j.Judgements.Single(m => m.Metric == "apex-errors").Verdict));
        Assert.Equal(WatchPhase.Responding, report.Final.Phase);
    }

    [Fact]
    public async Task The_bundled_page_times_80_percent_slower_after_the_deployment_fail_the_default_p95_rule_and_breach_a_p95_policy_that_acts()
    {
        var recording = await Recording.ReadAsync(Bundled, CancellationToken.None);
        var actOnLatency = PolicyCatalog.FromConfiguration(Judging.PolicyCatalogTests.JsonConfiguration("latency", """
            { 'window': 'PT30M', 'metrics': [ { 'name': 'page-time', 'signal': 'ui.page-time', 'measure': 'p95',
              'failWhen': { 'aboveBaselineBy': '50%' }, 'for': 'PT3M', 'onBreach': { 'revert': {} } } ] }
            """)).Get("latency");

        var byDefault = await Backtester.RunAsync(recording, new PolicyCatalog([]).Default, null, null, CancellationToken.None);
        var acting = await Backtester.RunAsync(recording, actOnLatency, null, null, CancellationToken.None);

        var failed = byDefault.Judgements.SelectMany(j => j.Judgements).Where(m => m.Metric == "page-time" && m.Verdict == Verdict.Failed).ToList();
        Assert.True(failed.Count >= 3, $"{failed.Count} failed page-time checks");
        Assert.All(failed, m => Assert.True(m.Observed > m.Baseline * 1.5 && m.ObservedCount >= 20 && m.BaselineCount >= 1000, $"{m.Observed} vs {m.Baseline} on {m.ObservedCount}/{m.BaselineCount} values"));
        Assert.DoesNotContain(byDefault.Judgements.SelectMany(j => j.Judgements), m => m.Metric == "page-time" && m.Verdict == Verdict.Passed);
        Assert.Equal(["page-time"], Assert.Single(acting.Breaches).Breached);
    }

    [Fact]
    public async Task A_policy_file_above_the_incident_never_breaches_and_past_the_recording_is_inconclusive_not_verified()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"lenient-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policy, """
            {"name": "lenient", "window": "PT20M", "warmup": "PT2M",
             "metrics": [{"name": "apex-errors", "signal": "apex.error", "measure": "perMinute", "failWhen": {"above": 100}, "onBreach": {"revert": {}}}]}
            """);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await BacktestVerb.RunAsync(["--policy", policy, "--recording", Bundled], output, errors, CancellationToken.None);

        File.Delete(policy);
        Assert.True(exit == 0, errors.ToString());
        var text = output.ToString();
        Assert.Contains("Back-test of policy 'lenient'", text, StringComparison.Ordinal);
        Assert.Contains("never breached", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Inconclusive.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BREACH", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_prints_where_the_bundled_incident_would_have_breached()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await BacktestVerb.RunAsync(["--recording", Bundled, "--policy", "default"], output, errors, CancellationToken.None);

        Assert.True(exit == 0, errors.ToString());
        Assert.Matches(@"BREACH apex-errors: apex\.error at [\d.]+/min fails > 5/min", output.ToString());
        Assert.Matches(@"apex-errors +\d+ judgements: .*breached at 2026-11-20 09:5\d:\d\dZ \(\+\dm\d\ds after the deployment\) -> revert", output.ToString());
        Assert.Contains("Outcome: Responding.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_recording_line_is_named_by_file_and_line()
    {
        var recording = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(recording, [File.ReadLines(Bundled).First(), "{\"receivedAt\": \"yesterday\", \"org\": \"00D\", \"message\": {}}"]);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await BacktestVerb.RunAsync(["--recording", recording], output, errors, CancellationToken.None);

        File.Delete(recording);
        Assert.Equal(1, exit);
        Assert.Contains("line 2", errors.ToString(), StringComparison.Ordinal);
    }
}
