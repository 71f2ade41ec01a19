using System.Text.Json.Serialization;

namespace ReleaseWatch.Judging;

/// <summary>A metric's onBreach: alert, revert, or remediate with a named action and its parameters.</summary>
public sealed record MetricBreachAction(
    BreachActionKind Kind,
    string? RemediationAction,
    IReadOnlyDictionary<string, string> Parameters)
{
    public static MetricBreachAction Alert { get; } = new(BreachActionKind.Alert, null, new Dictionary<string, string>());

    public static MetricBreachAction Revert { get; } = new(BreachActionKind.Revert, null, new Dictionary<string, string>());

    public static MetricBreachAction Remediate(string action, IReadOnlyDictionary<string, string>? parameters = null) =>
        new(BreachActionKind.Remediate, action, parameters ?? new Dictionary<string, string>());
}

/// <summary>What a breach of a metric asks for.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<BreachActionKind>))]
public enum BreachActionKind
{
    /// <summary>Only alert on-call.</summary>
    Alert,

    /// <summary>Send a revert command for the deployment.</summary>
    Revert,

    /// <summary>Send a remediate command naming an action (e.g. rerun-batch) with its parameters.</summary>
    Remediate,
}
