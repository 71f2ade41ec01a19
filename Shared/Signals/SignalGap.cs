namespace ReleaseWatch.Signals;

/// <summary>A span in which events may have been lost (e.g. Salesforce rejected a too-old replay id).</summary>
public sealed record SignalGap(string Channel, DateTimeOffset From, DateTimeOffset To, string Reason);
