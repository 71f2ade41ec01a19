namespace ReleaseWatch.Judging;

/// <summary>One condition of a failWhen at one check: failing, holding, or not judged (Failing null, with the reason in Note).</summary>
internal sealed record ConditionOutcome(string Description, bool? Failing, string? Note = null);
