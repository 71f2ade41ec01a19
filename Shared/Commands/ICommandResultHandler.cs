using System.Text.Json.Serialization;

namespace ReleaseWatch.Commands;

/// <summary>Moves a watch on by a command's result. The receiver settles the message only after this returns.</summary>
public interface ICommandResultHandler
{
    Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken);
}

/// <summary>What became of a received result: stored (settle it), or not ours (dead-letter it with the reason).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CommandResultOutcome>))]
public enum CommandResultOutcome
{
    Accepted,
    UnknownCommand,
}
