namespace ReleaseWatch.Alerts;

/// <summary>The Teams channel (ReleaseWatch:Teams). Without a webhook URL the channel is off.</summary>
public sealed class TeamsOptions
{
    /// <summary>A Teams Workflows webhook URL ("When a Teams webhook request is received"). Default: none (off).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Retries of one post on 408/429/5xx, honouring Retry-After. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the answer has no Retry-After (exponential with jitter after it). Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
