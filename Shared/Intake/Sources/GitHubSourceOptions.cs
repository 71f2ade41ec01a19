namespace ReleaseWatch.Intake.Sources;

/// <summary>GitHub webhooks (ReleaseWatch:Sources:GitHub): the webhook's secret, which signs every delivery (X-Hub-Signature-256).</summary>
public sealed class GitHubSourceOptions
{
    /// <summary>The secret set on the webhook or GitHub App; at least 16 characters. Unset = GitHub intake off.</summary>
    public string? Secret { get; set; }

    /// <summary>During a rotation, the second accepted secret. Optional.</summary>
    public string? SecretNext { get; set; }
}
