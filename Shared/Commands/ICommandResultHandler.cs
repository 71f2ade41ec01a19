namespace ReleaseWatch.Commands;

/// <summary>Moves a watch on by a command's result. The receiver settles the message only after this returns.</summary>
public interface ICommandResultHandler
{
    Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken);
}
