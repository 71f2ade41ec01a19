using ReleaseWatch.Deployments;
using ReleaseWatch.Judging;

namespace ReleaseWatch.Tests.Watches.Deciding;

/// <summary>Tiny builders for watch tests.</summary>
internal static class Some
{
    public const string OrgId = "00D5g000004SaLtEAK";

    public static readonly DateTimeOffset CompletedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static DeploymentNotice Deployment(string id = "deploy-1", string? previousVersion = "1.4.1", DateTimeOffset? completedAt = null) => new(
        id,
        new OrgRef(OrgId, "Acme Production", "production"),
        new ReleaseRef("1.4.2", previousVersion, "abc123"),
        completedAt ?? CompletedAt,
        new PipelineRef("release", new Uri("https://ci.example.com/runs/42")),
        null);

    public static MetricPolicy Metric(
        string name = "apex-errors",
        MetricSeverity severity = MetricSeverity.Critical,
        MetricBreachAction? onBreach = null,
        MetricMode mode = MetricMode.Act,
        TimeSpan? @for = null) => new()
        {
            Name = name,
            Signal = "apex.error",
            Measure = MetricMeasure.PerMinute,
            FailWhen = new MetricRule { Above = 5 },
            For = @for ?? TimeSpan.FromMinutes(2),
            Severity = severity,
            OnBreach = onBreach ?? MetricBreachAction.Revert,
            Mode = mode,
        };

    public static Policy Policy(bool requireApproval = false, PolicyDefaultDecision defaultDecision = PolicyDefaultDecision.Accept, params MetricPolicy[] metrics) => new()
    {
        Name = "test",
        Window = TimeSpan.FromMinutes(10),
        Interval = TimeSpan.FromMinutes(1),
        Warmup = TimeSpan.FromMinutes(2),
        RequireApproval = requireApproval,
        DefaultDecision = defaultDecision,
        Metrics = metrics.Length > 0 ? metrics : [Metric()],
    };

    public static MetricJudgement Judgement(string metric, Verdict verdict, DateTimeOffset at, double observed = 1) => new(
        metric, "apex.error", verdict, observed, 0.5, "> 5/min", at.AddMinutes(-1), at, CompletedAt.AddHours(-1), CompletedAt,
        null, $"{metric}: {verdict}", (long)observed, 30, null, null);
}
