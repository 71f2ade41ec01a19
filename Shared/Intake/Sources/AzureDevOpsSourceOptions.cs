namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Azure DevOps service hooks (ReleaseWatch:Sources:AzureDevOps). Azure DevOps does not sign; the Web Hooks subscription
/// sends these HTTP Basic credentials (its "Basic authentication username / password"). Both unset = off.
/// </summary>
public sealed class AzureDevOpsSourceOptions
{
    public string? Username { get; set; }

    /// <summary>At least 16 characters.</summary>
    public string? Password { get; set; }
}
