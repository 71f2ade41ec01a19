namespace ReleaseWatch.Commands;

/// <summary>What the deploy agent is asked to do. Serialized as "revert" | "remediate" | "promote".</summary>
public enum CommandType
{
    Revert,
    Remediate,
    Promote,
}
