namespace ReleaseWatch.Watches;

/// <summary>An event that cannot apply to the watch in its phase. The message says what probably happened.</summary>
public sealed class WatchTransitionException(string message) : InvalidOperationException(message);
