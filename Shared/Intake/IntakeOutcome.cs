namespace ReleaseWatch.Intake;

/// <summary>What became of a deployment notice.</summary>
public enum IntakeOutcome
{
    /// <summary>A new watch started.</summary>
    Created,
    /// <summary>The same deployment was delivered before: its watch is returned, nothing changed.</summary>
    Existing,
    /// <summary>The org is not configured; nothing stored.</summary>
    UnknownOrg,
    /// <summary>The named policy does not exist; nothing stored.</summary>
    UnknownPolicy,
}
