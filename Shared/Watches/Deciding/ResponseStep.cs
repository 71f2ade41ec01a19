using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Watches.Deciding;

/// <summary>Follows a command to its outcome: results from the deploy agent, and escalation when none comes.</summary>
internal static class ResponseStep
{
    public static WatchDecision Apply(WatchState state, CommandResultReceived received, DateTimeOffset now)
    {
        var result = received.Result;
        var issued = state.Commands.FirstOrDefault(c => c.CommandId == result.CommandId)
            ?? throw new WatchTransitionException($"Watch {state.WatchId} issued no command {result.CommandId}; the result belongs elsewhere.");
        if (issued.Result is not null)
        {
            return WatchDecider.Unchanged(state, received, $"Result for {issued.CommandId} already recorded ({issued.Result}); repeat ignored.");
        }

        var context = new DecisionContext(state, now);
        var updated = issued with { Result = result.Status, Detail = result.Detail, CompletedAt = result.CompletedAt };
        context.State = context.State with { Commands = [.. state.Commands.Select(c => c.CommandId == issued.CommandId ? updated : c)] };
        var succeeded = result.Status == CommandResultStatus.Succeeded;
        var what = issued.Type == CommandType.Revert ? "Revert" : $"Remediation ({issued.Type})";
        var summary = $"{what} {result.Status.ToString().ToLowerInvariant()}" + (string.IsNullOrWhiteSpace(result.Detail) ? "." : $": {result.Detail}");
        if (state.Phase == WatchPhase.Responding)
        {
            context.ClearTimers(WatchTimerKind.ResponseTimeout);
            var phase = !succeeded ? WatchPhase.ResponseFailed : issued.Type == CommandType.Revert ? WatchPhase.Reverted : WatchPhase.Remediated;
            context.State = context.State with { Phase = phase, Outcome = summary };
        }

        context.Alert(AlertKind.CommandResult, succeeded ? AlertSeverity.Warning : AlertSeverity.Critical, issued.Metric,
            $"{what} {(succeeded ? "done" : "FAILED")} for release {state.Deployment.Release.Version}", summary,
            state.Breach is { } breach ? [breach] : [], issued.CommandId);
        context.Note(summary);
        return context.Decide(received);
    }

    public static WatchDecision Overdue(WatchState state, TimerFired fired, DateTimeOffset now)
    {
        var pending = state.Commands.LastOrDefault(c => c.Result is null);
        if (state.Phase != WatchPhase.Responding || pending is null)
        {
            return WatchDecider.Unchanged(state, fired, "Response timeout is stale: the result already arrived.");
        }

        var context = new DecisionContext(state, now);
        context.ClearTimers(WatchTimerKind.ResponseTimeout);
        var summary = $"No result for command {pending.CommandId} since {pending.IssuedAt:u}: the deploy agent may be down. On-call must check.";
        context.Alert(AlertKind.ResponseOverdue, AlertSeverity.Critical, pending.Metric, $"No response to {pending.Type.ToString().ToLowerInvariant()} of release {state.Deployment.Release.Version}",
            summary, state.Breach is { } breach ? [breach] : [], pending.CommandId);
        context.Note(summary);
        return context.Decide(fired);
    }
}
