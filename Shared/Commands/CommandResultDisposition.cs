namespace ReleaseWatch.Commands;

/// <summary>What to do with a received result message.</summary>
/// <param name="Accepted">True: stored, settle it. False: dead-letter it with <paramref name="Condition"/> and <paramref name="Reason"/>.</param>
internal sealed record CommandResultDisposition(bool Accepted, string Condition, string Reason)
{
    public static CommandResultDisposition Stored { get; } = new(true, "", "");

    public static CommandResultDisposition Malformed(string reason) => new(false, "releasewatch:malformed-result", reason);

    public static CommandResultDisposition Unknown(string commandId) =>
        new(false, "releasewatch:unknown-command", $"No watch issued command \"{commandId}\".");
}
