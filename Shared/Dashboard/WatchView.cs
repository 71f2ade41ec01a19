using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Dashboard;

/// <summary>Everything the watch page shows, read from the same stored records as GET /api/watches/{id}.</summary>
public sealed record WatchView(
    WatchState State,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<MetricChart> Charts,
    IReadOnlyList<MetricEvidence> Evidence,
    IReadOnlyList<OutboxItem> Outbox,
    IReadOnlyList<string> Actions)
{
    /// <summary>The operator actions the phase allows (the API answers 409 to any other): abort, extend, approve-revert.</summary>
    public static IReadOnlyList<string> ActionsFor(WatchState state)
    {
        var actions = new List<string>();
        if (state.AwaitingApproval || state.Phase is WatchPhase.Inconclusive)
        {
            actions.Add("approve-revert");
        }

        if (state.Phase.IsJudging())
        {
            actions.Add("extend");
        }

        if (!state.Phase.IsCompleted())
        {
            actions.Add("abort");
        }

        return actions;
    }
}

/// <summary>
/// The evidence behind a metric's last failed (or breaching) check: the judgement with its inputs and the errors of
/// its span with their real totals and sample records.
/// </summary>
public sealed record MetricEvidence(MetricJudgement Judgement, DateTimeOffset CheckedAt, ErrorTallies Errors);

/// <summary>Reads a watch page: state, history, outbox, and the kept evidence of its failed checks.</summary>
internal sealed class WatchViewReader(IWatchStore store, ISignalEvidenceReader evidence, PolicyCatalog policies)
{
    private const int TopErrors = 5;

    public async Task<WatchView?> ReadAsync(string watchId, CancellationToken cancellationToken)
    {
        if (!WatchId.IsWellFormed(watchId) || await store.GetAsync(watchId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var state = stored.State;
        var history = await store.GetHistoryAsync(watchId, cancellationToken);
        var outbox = await store.GetOutboxAsync(watchId, cancellationToken);
        var policy = state.Policy ?? (policies.TryGet(state.PolicyName, out var named) ? named : null);
        var checks = history.Select(h => h.Event).OfType<SignalsJudged>().ToList();
        var evidenceRows = new List<MetricEvidence>();
        foreach (var (judgement, at) in FailedEvidence(state, checks))
        {
            var errors = await evidence.TallyAsync(state.Org.Id, judgement.Signal, judgement.WindowFrom, judgement.WindowTo, TopErrors, cancellationToken);
            evidenceRows.Add(new MetricEvidence(judgement, at, errors));
        }

        return new WatchView(state, TimelineEntry.Of(state, history), MetricChart.Of(state, checks, policy), evidenceRows, outbox, WatchView.ActionsFor(state));
    }

    /// <summary>Per metric, the breaching judgement, else its last failed one; the breaching metric first (on-call reads it first).</summary>
    internal static IEnumerable<(MetricJudgement Judgement, DateTimeOffset CheckedAt)> FailedEvidence(WatchState state, IReadOnlyList<SignalsJudged> checks) =>
        checks.SelectMany(c => c.Judgements.Select(j => (Judgement: j, c.CheckedAt)))
            .Where(p => p.Judgement.Verdict == Verdict.Failed)
            .GroupBy(p => p.Judgement.Metric)
            .Select(g => g.FirstOrDefault(p => state.Breach is { } b && b.Metric == g.Key && b.WindowTo == p.Judgement.WindowTo, g.Last()))
            .OrderByDescending(p => state.Breach is { } b && b.Metric == p.Judgement.Metric);
}
