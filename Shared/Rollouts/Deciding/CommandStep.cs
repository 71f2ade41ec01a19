using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>A promote or revert command's result: a promote that succeeded deploys its wave; one that did not halts the rollout.</summary>
internal static class CommandStep
{
    public static RolloutDecision Apply(RolloutState state, RolloutCommandResulted resulted, DateTimeOffset now)
    {
        var result = resulted.Result;
        var issued = state.Commands.FirstOrDefault(c => c.CommandId == result.CommandId)
            ?? throw new RolloutTransitionException($"Rollout {state.RolloutId} issued no command {result.CommandId}; the result belongs elsewhere.");
        if (issued.Result is not null)
        {
            return RolloutDecider.Unchanged(state, resulted, $"Result of {issued.CommandId} already recorded ({issued.Result}).");
        }

        var context = new RolloutContext(state, now);
        context.State = context.State with
        {
            Commands = [.. state.Commands.Select(c => c.CommandId == issued.CommandId ? c with { Result = result.Status, Detail = result.Detail, CompletedAt = result.CompletedAt } : c)],
        };
        var wave = RolloutContext.WaveOf(issued);
        context.Note($"{issued.Type} {issued.CommandId} for wave {wave + 1}: {result.Status}{(result.Detail is { } d ? $" ({d})" : "")}.");
        if (issued.Type != CommandType.Promote)
        {
            context.Alert(AlertKind.CommandResult, result.Status == CommandResultStatus.Succeeded ? AlertSeverity.Info : AlertSeverity.Critical,
                $"Rollout {state.RolloutId}: wave {wave + 1} revert {result.Status.ToString().ToLowerInvariant()}", context.State.Outcome, issued.CommandId);
            return context.Decide(resulted);
        }

        if (state.Phase != RolloutPhase.Promoting || state.Current != wave)
        {
            context.Note($"The rollout is {state.Phase}; the result moves nothing.");
            return context.Decide(resulted);
        }

        if (result.Status == CommandResultStatus.Succeeded)
        {
            WaveSteps.Deployed(context, wave, result.CompletedAt);
        }
        else
        {
            RolloutDecider.Halt(context, $"the promote command was {result.Status.ToString().ToLowerInvariant()}{(result.Detail is { } why ? $": {why}" : "")}.");
        }

        return context.Decide(resulted);
    }
}
