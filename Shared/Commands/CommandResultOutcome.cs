namespace ReleaseWatch.Commands;

/// <summary>What became of a received result: stored (settle it), or not ours (dead-letter it with the reason).</summary>
public enum CommandResultOutcome
{
    Accepted,
    UnknownCommand,
}
