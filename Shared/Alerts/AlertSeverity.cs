namespace ReleaseWatch.Alerts;

/// <summary>Severity routes alerts to channels and recipients.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
