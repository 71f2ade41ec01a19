namespace ReleaseWatch.Commands;

/// <summary>What the deploy agent reports. Serialized as "succeeded" | "failed" | "rejected".</summary>
public enum CommandResultStatus
{
    Succeeded,
    Failed,
    Rejected,
}
