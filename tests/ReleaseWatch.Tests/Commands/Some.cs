using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Tests.Commands;

/// <summary>Tiny builders for commands and alerts.</summary>
public static class Some
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static OrgRef Org { get; } = new("00D5g000000AbCdEAK", "Acme Production", "production");

    public static ReleaseCommand Command(string? id = null, string deployment = "dep-42") => new(
        id ?? "cmd-" + Guid.NewGuid().ToString("N")[..12],
        CommandType.Revert,
        "watch-" + deployment,
        Org,
        new CommandDeployment(deployment, At.AddMinutes(-10), new PipelineRef("release-pipeline", new Uri("https://ci.example.com/runs/7"))),
        new ReleaseRef("2.4.0", "2.3.1", "abc123"),
        null,
        new CommandReason("apex-errors", 14, 1.5, "above 5/min and 200% over baseline", "PT2M"),
        "critical",
        At);

    public static Alert Alert(AlertSeverity severity = AlertSeverity.Critical, string environment = "production", string? id = null) => new(
        id ?? "alert-" + Guid.NewGuid().ToString("N")[..12],
        AlertKind.Breach,
        severity,
        "watch-dep-42",
        Org with { Environment = environment },
        "dep-42",
        new ReleaseRef("2.4.0", "2.3.1", "abc123"),
        new PipelineRef("release-pipeline", new Uri("https://ci.example.com/runs/7")),
        "apex-errors breached on Acme Production",
        "Apex errors held above the threshold for 2 minutes after release 2.4.0; a revert to 2.3.1 was requested.",
        [new AlertMetric("apex-errors", "apex.error", "Failed", 14, 1.5, "above 5/min", "PT2M", null)],
        ["System.NullPointerException: Attempt to de-reference a null object (OpportunityTrigger line 42)", "FIELD_CUSTOM_VALIDATION_EXCEPTION: Close date required"],
        new Uri("https://releasewatch.example.com/watches/watch-dep-42"),
        "cmd-1",
        At);
}
