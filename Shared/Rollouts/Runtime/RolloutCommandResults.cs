using ReleaseWatch.Commands;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>Routes a command result by its id: a rollout's ("r…-promote-1") moves the rollout, any other goes to the watches' handler.</summary>
internal sealed class RolloutCommandResults(RolloutRunner runner, ICommandResultHandler watches) : ICommandResultHandler
{
    public async Task<CommandResultOutcome> HandleAsync(CommandResult result, CancellationToken cancellationToken)
    {
        var key = RolloutKey.OfCommand(result.CommandId);
        if (key.Length == 0)
        {
            return await watches.HandleAsync(result, cancellationToken);
        }

        try
        {
            return await runner.ApplyAsync(key, new RolloutCommandResulted(result), cancellationToken) is null
                ? CommandResultOutcome.UnknownCommand
                : CommandResultOutcome.Accepted;
        }
        catch (RolloutTransitionException)
        {
            return CommandResultOutcome.UnknownCommand; // the rollout exists but issued no such command
        }
    }
}
