namespace ReleaseWatch.Outbox;

/// <summary>How the outbox dispatcher retries (ReleaseWatch:Outbox).</summary>
public sealed class OutboxOptions
{
    /// <summary>Attempts before a row is given up as Failed and recorded in the watch's history. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay after the first failure; doubled each attempt, with ±20% jitter. Default 10 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between attempts. Default 10 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a dispatcher holds a row it claimed; another dispatcher takes it over only after this
    /// (a dispatcher that died mid-send). Default 2 min.
    /// </summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);
}
