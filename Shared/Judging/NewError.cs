namespace ReleaseWatch.Judging;

/// <summary>
/// An error whose fingerprint the baseline never had, as one check saw it: its fingerprint key and label
/// ("System.NullPointerException in QuoteLineService.recalculate"), how often and from when to when it occurred since
/// warm-up (Complete false: the tally hit its scan limit, so Count is a lower bound), and a few sample messages.
/// </summary>
public sealed record NewError(string Fingerprint, string Label, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt, IReadOnlyList<string> Samples, bool Complete = true);
