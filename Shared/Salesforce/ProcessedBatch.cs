namespace ReleaseWatch.Salesforce;

/// <summary>What a stored batch held: the newest event time of each channel that delivered counted events.</summary>
internal sealed record ProcessedBatch(IReadOnlyDictionary<string, DateTimeOffset> NewestByChannel)
{
    public static ProcessedBatch Empty { get; } = new(new Dictionary<string, DateTimeOffset>());

    /// <summary>The newest event time over all channels, or null when nothing was counted.</summary>
    public DateTimeOffset? Newest => NewestByChannel.Count == 0 ? null : NewestByChannel.Values.Max();
}
