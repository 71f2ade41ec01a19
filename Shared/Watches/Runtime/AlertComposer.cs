using System.Globalization;
using Microsoft.Extensions.Options;
using ReleaseWatch.Alerts;
using ReleaseWatch.Judging;
using ReleaseWatch.Outbox;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Turns a decision's effects into outbox items. Alerts are completed here with what only I/O knows: the
/// top error messages kept as evidence, and the link to the watch.
/// </summary>
internal sealed class AlertComposer(IOptions<WatchOptions> options, ISignalEvidenceReader evidenceReader)
{
    private const int TopErrors = 5;

    public async Task<IReadOnlyList<OutboxItem>> ComposeAsync(WatchDecision decision, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        foreach (var effect in decision.Effects)
        {
            switch (effect)
            {
                case SendCommand send:
                    items.Add(OutboxItem.ForCommand(decision.State.WatchId, send.Command, decision.State.UpdatedAt));
                    break;
                case RaiseAlert raise:
                    var alert = await ComposeAsync(decision.State, raise, cancellationToken);
                    items.Add(OutboxItem.ForAlert(decision.State.WatchId, alert, decision.State.UpdatedAt));
                    break;
            }
        }

        return items;
    }

    private async Task<Alert> ComposeAsync(WatchState state, RaiseAlert raise, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        return new Alert(
            raise.AlertId,
            raise.Kind,
            raise.Severity,
            state.WatchId,
            deployment.Org,
            deployment.DeploymentId,
            deployment.Release,
            deployment.Pipeline,
            raise.Title,
            raise.Summary,
            [.. raise.Evidence.Select(Metric)],
            await TopErrorsAsync(state, raise.Evidence, cancellationToken),
            WatchLinks.Page(options.Value.PublicBaseUrl, state.WatchId),
            raise.CommandId,
            state.UpdatedAt);
    }

    private async Task<IReadOnlyList<string>> TopErrorsAsync(WatchState state, IReadOnlyList<MetricJudgement> evidence, CancellationToken cancellationToken)
    {
        // A new error's breach names its own errors first (never seen in the baseline), with their sample messages.
        var fresh = evidence.SelectMany(j => j.NewErrors ?? []).Select(Describe).Distinct(StringComparer.Ordinal).Take(TopErrors).ToList();
        if (fresh.Count > 0)
        {
            return fresh;
        }

        var tallied = new List<(ErrorTally Error, bool Complete)>();
        foreach (var span in evidence.Select(j => (j.Signal, j.WindowFrom, j.WindowTo)).Distinct())
        {
            var tallies = await evidenceReader.TallyAsync(state.Org.Id, span.Signal, span.WindowFrom, span.WindowTo, TopErrors, cancellationToken);
            tallied.AddRange(tallies.Errors.Select(e => (e, tallies.Complete)));
        }

        return [.. tallied.OrderByDescending(t => t.Error.Count).Take(TopErrors).Select(t => Describe(t.Error, t.Complete))];
    }

    /// <summary>"26× System.NullPointerException: Attempt to de-reference a null object (OrderService.place)"; "at least" when the tally hit its scan limit.</summary>
    internal static string Describe(ErrorTally error, bool complete) =>
        string.Create(CultureInfo.InvariantCulture, $"{(complete ? "" : "≥")}{error.Count}× {error.Label}") + (error.Source is { Length: > 0 } source ? $" ({source})" : "");

    /// <summary>"14× System.NullPointerException in QuoteLineService.recalculate, new since 10:06: Attempt to de-reference a null object".</summary>
    internal static string Describe(NewError error) =>
        string.Create(CultureInfo.InvariantCulture, $"{(error.Complete ? "" : "≥")}{error.Count}× {error.Label}, new since {error.FirstAt.UtcDateTime:HH:mm}")
        + (error.Samples.Count > 0 ? ": " + string.Join(" | ", error.Samples) : "");

    private static AlertMetric Metric(MetricJudgement j) => new(
        j.Metric,
        j.Signal,
        j.Verdict.ToString(),
        j.Observed,
        j.Baseline,
        j.Threshold,
        string.Create(CultureInfo.InvariantCulture, $"{j.WindowFrom:u} – {j.WindowTo:u}"),
        j.PValue);
}
