using ReleaseWatch.Commands;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>Moves a watch on by its command's result. Command ids begin with their watch id ("w…-revert-1").</summary>
internal sealed class WatchCommandResults(WatchRunner runner) : ICommandResultHandler
{
    public async Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken)
    {
        var dash = result.CommandId.IndexOf('-', StringComparison.Ordinal);
        var watchId = dash > 0 ? result.CommandId[..dash] : "";
        if (!WatchId.IsWellFormed(watchId))
        {
            return CommandResultOutcome.UnknownCommand;
        }

        try
        {
            var decision = await runner.ApplyAsync(watchId, new CommandResultReceived(result), cancellationToken);
            return decision is null ? CommandResultOutcome.UnknownCommand : CommandResultOutcome.Accepted;
        }
        catch (WatchTransitionException)
        {
            return CommandResultOutcome.UnknownCommand; // the watch exists but issued no such command
        }
    }
}
