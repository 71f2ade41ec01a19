namespace ReleaseWatch.Signals;

/// <summary>One event to count: which signal, from which channel and replay id, in which minute.</summary>
internal sealed record SignalOccurrence(string Signal, string Channel, long ReplayId, DateTimeOffset OccurredAt);
