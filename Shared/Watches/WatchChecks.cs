using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Events;

namespace ReleaseWatch.Watches;

/// <summary>Judges a watch now: reads its signals and applies the verdicts as one step.</summary>
public sealed class WatchChecks(WatchWorkflow workflow, ISignalReader reader, TimeProvider time)
{
    private readonly SignalJudgement _judgement = new(reader);

    public Task<WatchDecision?> JudgeAsync(string watchId, JudgementTrigger trigger, CancellationToken cancellationToken) =>
        workflow.ApplyAsync(watchId, async (state, policy) =>
            state.Phase.IsJudging()
                ? await _judgement.JudgeAsync(state, policy, trigger, time.GetUtcNow(), cancellationToken)
                : null,
            cancellationToken);
}
