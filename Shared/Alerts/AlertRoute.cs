namespace ReleaseWatch.Alerts;

/// <summary>One routing rule: alerts for an environment (any when empty) at or above a severity go to these channels.</summary>
public sealed class AlertRoute
{
    /// <summary>e.g. "production"; empty matches every environment. Default: any.</summary>
    public string? Environment { get; set; }

    /// <summary>Default Info (everything).</summary>
    public AlertSeverity MinSeverity { get; set; } = AlertSeverity.Info;

    /// <summary>Channel names: "teams", "email". Default: none.</summary>
    public IList<string> Channels { get; } = [];
}
