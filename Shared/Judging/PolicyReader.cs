using System.Text;
using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Judging;

/// <summary>
/// Reads one policy from its configuration section (ReleaseWatch:Policies:{name}): either the policy object's
/// keys, or one string holding the policy as JSON (so an environment variable or app setting can carry it).
/// </summary>
internal static class PolicyReader
{
    public static Policy Read(string name, IConfigurationSection section)
    {
        var fields = new PolicyFields(name, null, "", Object(name, section));
        fields.RejectUnknown("name", "window", "interval", "warmup", "baseline", "inconclusiveLimit", "decisionDeadline",
            "defaultDecision", "responseTimeout", "requireApproval", "metrics");
        if (fields.Text("name") is { } written && !string.Equals(written, name, StringComparison.Ordinal))
        {
            throw fields.Error("name", $"must match the policy's key under ReleaseWatch:Policies (got \"{written}\").");
        }

        var baseline = fields.Child("baseline");
        baseline.RejectUnknown("window");
        var defaults = new Policy { Name = name };
        var metrics = fields.Section.GetSection("metrics").GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select((metric, index) => MetricPolicyReader.Read(name, index, metric))
            .ToList();
        return new Policy
        {
            Name = name,
            Window = fields.Duration("window") ?? defaults.Window,
            Interval = fields.Duration("interval") ?? defaults.Interval,
            Warmup = fields.Duration("warmup") ?? defaults.Warmup,
            BaselineWindow = baseline.Duration("window") ?? defaults.BaselineWindow,
            InconclusiveLimit = fields.Integer("inconclusiveLimit") ?? defaults.InconclusiveLimit,
            DecisionDeadline = fields.Duration("decisionDeadline") ?? defaults.DecisionDeadline,
            DefaultDecision = fields.Word("defaultDecision", ("accept", PolicyDefaultDecision.Accept), ("revert", PolicyDefaultDecision.Revert))
                ?? defaults.DefaultDecision,
            ResponseTimeout = fields.Duration("responseTimeout") ?? defaults.ResponseTimeout,
            RequireApproval = fields.Flag("requireApproval") ?? defaults.RequireApproval,
            Metrics = metrics,
        };
    }

    private static IConfiguration Object(string name, IConfigurationSection section)
    {
        if (section.Value is not { } json || section.GetChildren().Any())
        {
            return section;
        }

        try
        {
            return new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new InvalidPolicyException(name, null, "(the whole value)", $"must be a policy object or a policy as a JSON string: {e.Message}");
        }
    }
}
