namespace ReleaseWatch.Rollouts.Deciding;

/// <summary>Operator actions: pause, resume, skip an org of the current wave, abort. An action the rollout cannot take throws with the reason (409).</summary>
internal static class RolloutOperatorStep
{
    public static RolloutDecision Apply(RolloutState state, RolloutOperatorActed acted, DateTimeOffset now)
    {
        if (state.Phase.IsCompleted())
        {
            throw new RolloutTransitionException($"Rollout {state.RolloutId} is {state.Phase}; nothing more can be done to it.");
        }

        var context = new RolloutContext(state, now);
        var by = $"by {acted.Actor}{(acted.Reason is { } r ? $": {r}" : "")}";
        switch (acted.Action)
        {
            case RolloutAction.Pause when state.Paused:
                throw new RolloutTransitionException($"Rollout {state.RolloutId} is already paused.");
            case RolloutAction.Pause:
                context.State = context.State with { Paused = true };
                context.Note($"Paused {by}; wave {state.Current + 1} is still judged, nothing more is promoted.");
                break;
            case RolloutAction.Resume when !state.Paused:
                throw new RolloutTransitionException($"Rollout {state.RolloutId} is not paused.");
            case RolloutAction.Resume:
                context.State = context.State with { Paused = false };
                context.Note($"Resumed {by}.");
                if (state.Phase == RolloutPhase.Held)
                {
                    WaveSteps.Promote(context, state.Current + 1);
                }

                break;
            case RolloutAction.Skip:
                Skip(context, acted, by);
                break;
            case RolloutAction.Abort:
                if (state.Wave.Phase is WavePhase.Promoting or WavePhase.Baking)
                {
                    context.Wave(state.Current, w => w with { Phase = WavePhase.Cancelled, Reason = $"Aborted {by}." });
                }

                RolloutDecider.Stop(context, RolloutPhase.Aborted, $"Aborted {by}.");
                break;
        }

        return context.Decide(acted);
    }

    private static void Skip(RolloutContext context, RolloutOperatorActed acted, string by)
    {
        var state = context.State;
        if (state.Phase is not (RolloutPhase.Promoting or RolloutPhase.Baking))
        {
            throw new RolloutTransitionException($"Rollout {state.RolloutId} is {state.Phase}: only an org of a wave being promoted or baked can be skipped.");
        }

        var key = Deployments.SalesforceOrgId.Key(acted.OrgId ?? "");
        var index = state.Wave.Orgs.ToList().FindIndex(o => Deployments.SalesforceOrgId.Key(o.Org.Id) == key);
        if (index < 0)
        {
            throw new RolloutTransitionException($"Org {acted.OrgId} is not in wave {state.Current + 1} ({state.Wave.Name}).");
        }

        if (state.Wave.Orgs[index].Standing == OrgStanding.Skipped)
        {
            throw new RolloutTransitionException($"Org {acted.OrgId} is already skipped.");
        }

        context.Wave(state.Current, w => w with { Orgs = [.. w.Orgs.Select((o, i) => i == index ? o with { Standing = OrgStanding.Skipped, Detail = $"Skipped {by}." } : o)] });
        context.Note($"{state.Wave.Orgs[index].Org.Name} skipped {by}.");
        if (state.Phase == RolloutPhase.Baking)
        {
            WaveSteps.Gate(context);
        }
    }
}
