namespace ReleaseWatch.Watches.Events;

/// <summary>A newer deployment to the same org started its own watch.</summary>
public sealed record Superseded(string ByWatchId, string ByDeploymentId) : WatchEvent;
