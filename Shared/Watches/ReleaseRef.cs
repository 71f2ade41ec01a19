namespace ReleaseWatch.Watches;

/// <summary>What was released. Without <paramref name="PreviousVersion"/> a release cannot be reverted.</summary>
public sealed record ReleaseRef(string Version, string? PreviousVersion, string? Commit);
