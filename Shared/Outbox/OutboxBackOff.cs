namespace ReleaseWatch.Outbox;

/// <summary>Exponential back-off with jitter, so retries of many rows after an outage spread out.</summary>
internal static class OutboxBackOff
{
    public static TimeSpan After(int attempts, OutboxOptions options, Random random)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var delay = Math.Min(options.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var jitter = 0.8 + (random.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(delay * jitter);
    }
}
