using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Judging;

/// <summary>Reads one metric of a policy (ReleaseWatch:Policies:{name}:metrics:{i}); a metric without a name is named #i in errors.</summary>
internal static class MetricPolicyReader
{
    /// <summary>The measure words; "gauge" is another name for last (a gauge's latest value).</summary>
    private static readonly (string Word, MetricMeasure Value)[] Measures =
    [
        ("count", MetricMeasure.Count), ("perMinute", MetricMeasure.PerMinute), ("ratio", MetricMeasure.Ratio),
        ("mean", MetricMeasure.Mean), ("p50", MetricMeasure.P50), ("p90", MetricMeasure.P90), ("p95", MetricMeasure.P95),
        ("p99", MetricMeasure.P99), ("max", MetricMeasure.Max), ("last", MetricMeasure.Last), ("gauge", MetricMeasure.Last),
        ("newErrors", MetricMeasure.NewErrors),
    ];

    public static MetricPolicy Read(string policy, int index, IConfigurationSection section)
    {
        var label = string.IsNullOrWhiteSpace(section["name"]) ? $"#{index}" : section["name"]!.Trim();
        var fields = new PolicyFields(policy, label, "", section);
        fields.RejectUnknown("name", "signal", "measure", "denominator", "failWhen", "for", "lookback", "minBaselineCount", "minSample",
            "severity", "onBreach", "mode", "decisive", "againstPeers");
        var decisive = fields.Child("decisive");
        decisive.RejectUnknown("for", "significance");
        var failWhen = fields.Child("failWhen");
        failWhen.RejectUnknown("above", "below", "aboveBaselineBy", "belowBaselineBy", "poissonSignificance", "belowBaselineSignificance");
        return new MetricPolicy
        {
            Name = fields.RequiredText("name"),
            Signal = fields.RequiredText("signal"),
            Measure = fields.Word("measure", Measures) ?? throw fields.Error("measure", $"is required (one of {string.Join(", ", Measures.Select(m => m.Word))})."),
            Denominator = fields.Text("denominator"),
            FailWhen = new MetricRule
            {
                Above = failWhen.Number("above"),
                Below = failWhen.Number("below"),
                AboveBaselineByPercent = failWhen.Percent("aboveBaselineBy"),
                BelowBaselineByPercent = failWhen.Percent("belowBaselineBy"),
                PoissonSignificance = failWhen.Number("poissonSignificance"),
                BelowBaselineSignificance = failWhen.Number("belowBaselineSignificance"),
            },
            For = fields.Duration("for") ?? TimeSpan.Zero,
            Lookback = fields.Duration("lookback"),
            DecisiveFor = decisive.Duration("for"),
            DecisiveSignificance = decisive.Number("significance") ?? MetricPolicy.DefaultDecisiveSignificance,
            MinBaselineCount = fields.Integer("minBaselineCount"),
            MinSample = fields.Integer("minSample"),
            AgainstPeers = fields.Flag("againstPeers") ?? false,
            Severity = fields.Word("severity", ("warning", MetricSeverity.Warning), ("critical", MetricSeverity.Critical)) ?? MetricSeverity.Critical,
            OnBreach = OnBreach(fields.Child("onBreach")),
            Mode = fields.Word("mode", ("observe", MetricMode.Observe), ("alert", MetricMode.Alert), ("act", MetricMode.Act)) ?? MetricMode.Act,
        };
    }

    /// <summary>{"revert": {}} | {"alert": {}} | {"remediate": {"action": "rerun-batch", "parameters": {...}}}, or the plain word "revert" / "alert".</summary>
    private static MetricBreachAction OnBreach(PolicyFields onBreach)
    {
        var kinds = onBreach.Section.GetChildren().ToList();
        var word = (onBreach.Section as IConfigurationSection)?.Value?.Trim();
        if (kinds.Count == 0)
        {
            return string.IsNullOrEmpty(word) ? MetricBreachAction.Alert
                : word.ToLowerInvariant() switch
                {
                    "alert" => MetricBreachAction.Alert,
                    "revert" => MetricBreachAction.Revert,
                    _ => throw onBreach.Error("", $"must be {{\"alert\": {{}}}}, {{\"revert\": {{}}}} or {{\"remediate\": {{\"action\": ...}}}} (got \"{word}\")."),
                };
        }

        onBreach.RejectUnknown("alert", "revert", "remediate");
        if (kinds.Count > 1)
        {
            throw onBreach.Error("", $"must name exactly one of alert, revert, remediate (got {string.Join(", ", kinds.Select(k => k.Key))}).");
        }

        var kind = kinds[0].Key.ToLowerInvariant();
        if (kind != "remediate")
        {
            return kind == "revert" ? MetricBreachAction.Revert : MetricBreachAction.Alert;
        }

        var remediate = onBreach.Child("remediate");
        remediate.RejectUnknown("action", "parameters");
        var parameters = remediate.Section.GetSection("parameters").GetChildren().ToDictionary(
            p => p.Key,
            p => p.GetChildren().Any()
                ? throw remediate.Error($"parameters.{p.Key}", "must be a plain value, not an object or a list.")
                : p.Value ?? "");
        return MetricBreachAction.Remediate(remediate.RequiredText("action"), parameters);
    }
}
