using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Judging.Assessment;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Builds a check's event: expands metric templates into their family's members, reads the org's signals over the
/// check's whole span at once (one range query and the streams' facts, whatever the number of metrics), cuts each
/// metric's windows and the traffic of the streams that feed it from that read, and asks the pure judge. The I/O half of a judgement.
/// </summary>
internal sealed class CheckJudge(ISignalReader signals, IOptions<StreamHealthOptions> streams, ISignalFamilies families, ErrorHistoryReader errors)
{
    public async Task<SignalsJudged> JudgeAsync(WatchState state, Policy policy, JudgementTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var org = state.Org.Id;
        var (baselineFrom, baselineTo) = CheckSpans.Baseline(policy, state.Anchor);
        var (recentFrom, recentTo) = CheckSpans.Recent(policy, state.Anchor, now, CheckSpans.TrafficLookback);
        var (longFrom, longTo) = CheckSpans.Recent(policy, state.Anchor, now, CheckSpans.LongTrafficLookback);
        var metrics = policy.Metrics.SelectMany(m => MetricFamily.IsTemplate(m)
            ? families.Members(org, m.Signal).Select(signal => (Metric: MetricFamily.Member(m, signal), Template: (MetricPolicy?)m))
            : [(Metric: m, Template: (MetricPolicy?)null)]).ToList();
        var spans = metrics.Select(m => CheckSpans.Observed(policy, m.Metric, state.Anchor, now))
            .Append((baselineFrom, baselineTo)).Append((recentFrom, recentTo)).ToList();
        var reader = await signals.ReadRangeAsync(org, spans.Min(s => s.Item1), spans.Max(s => s.Item2), cancellationToken);
        // One read of each stream's traffic per check, shared by the metrics it feeds.
        var traffic = new Dictionary<string, Task<ChannelTrafficWindows>>(StringComparer.Ordinal);
        Task<ChannelTrafficWindows> TrafficOf(string channel)
        {
            lock (traffic)
            {
                if (!traffic.TryGetValue(channel, out var read))
                {
                    read = ReadTrafficAsync(reader, channel, (recentFrom, recentTo), (baselineFrom, baselineTo), (longFrom, longTo), cancellationToken);
                    traffic[channel] = read;
                }

                return read;
            }
        }

        // Each againstPeers template's qualifying members, cut once per check and shared by its members (their spans are the template's).
        var family = new Dictionary<MetricPolicy, Task<PeerWindows[]>>(ReferenceEqualityComparer.Instance);
        Task<PeerWindows[]> FamilyOf(MetricPolicy template, DateTimeOffset from, DateTimeOffset to)
        {
            lock (family)
            {
                if (!family.TryGetValue(template, out var read))
                {
                    read = ReadFamilyAsync(reader, template, [.. metrics.Where(m => ReferenceEquals(m.Template, template)).Select(m => m.Metric.Signal)],
                        (from, to), (baselineFrom, baselineTo), cancellationToken);
                    family[template] = read;
                }

                return read;
            }
        }

        // The windows come from the read above (a reader without range reads reads them one by one, together).
        var judgements = await Task.WhenAll(metrics.Select(async entry =>
        {
            var metric = entry.Metric;
            var (from, to) = CheckSpans.Observed(policy, metric, state.Anchor, now);
            var observed = reader.ReadAsync(metric.Signal, from, to, cancellationToken);
            var baseline = reader.ReadAsync(metric.Signal, baselineFrom, baselineTo, cancellationToken);
            Task<SignalWindow>? observedDenominator = null, baselineDenominator = null;
            if (metric.Measure == MetricMeasure.Ratio && metric.Denominator is { } denominator)
            {
                observedDenominator = reader.ReadAsync(denominator, from, to, cancellationToken);
                baselineDenominator = reader.ReadAsync(denominator, baselineFrom, baselineTo, cancellationToken);
            }

            var history = metric.Measure == MetricMeasure.NewErrors
                ? errors.ReadAsync(org, metric.Signal, (baselineFrom, baselineTo), (CheckSpans.JudgedFrom(policy, state.Anchor), now), cancellationToken)
                : null;
            var baselineWindow = await baseline;
            if (entry.Template is not null && !MetricFamily.Qualifies(metric, baselineWindow))
            {
                return null;
            }

            // Peers: the template's other members with enough baseline volume, over the same spans (cut from the read above).
            IReadOnlyList<PeerWindows>? peers = null;
            if (entry.Template is { AgainstPeers: true } template)
            {
                peers = [.. (await FamilyOf(template, from, to)).Where(w => w.Observed.Signal != metric.Signal)];
            }

            var observedWindow = await observed;
            var feeding = ChannelTraffic.IsTraffic(metric.Signal)
                ? []
                : await Task.WhenAll(observedWindow.Channels.Select(c => c.Channel).Distinct(StringComparer.Ordinal).Select(TrafficOf));
            return MetricJudge.Judge(metric, new MetricInputs(
                observedWindow, observedDenominator is null ? null : await observedDenominator, baselineWindow, baselineDenominator is null ? null : await baselineDenominator,
                now, streams.Value, feeding, history is null ? null : await history, peers));
        }));

        return new SignalsJudged(trigger, now, [.. judgements.OfType<MetricJudgement>()]);
    }

    private static async Task<PeerWindows[]> ReadFamilyAsync(
        ISignalRange reader, MetricPolicy template, IReadOnlyList<string> signals, (DateTimeOffset From, DateTimeOffset To) observed,
        (DateTimeOffset From, DateTimeOffset To) baseline, CancellationToken cancellationToken)
    {
        var windows = await Task.WhenAll(signals.Select(async signal => new PeerWindows(
            await reader.ReadAsync(signal, observed.From, observed.To, cancellationToken), await reader.ReadAsync(signal, baseline.From, baseline.To, cancellationToken))));
        return [.. windows.Where(w => MetricFamily.Qualifies(template, w.Baseline))];
    }

    private static async Task<ChannelTrafficWindows> ReadTrafficAsync(
        ISignalRange reader, string channel, (DateTimeOffset From, DateTimeOffset To) recent, (DateTimeOffset From, DateTimeOffset To) baseline,
        (DateTimeOffset From, DateTimeOffset To) longer, CancellationToken cancellationToken)
    {
        var signal = ChannelTraffic.Signal(channel);
        var recentWindow = reader.ReadAsync(signal, recent.From, recent.To, cancellationToken);
        var baselineWindow = reader.ReadAsync(signal, baseline.From, baseline.To, cancellationToken);
        // Inside the check's one range read (it spans the baseline to now), so the longer span costs no request.
        var longWindow = longer.From < recent.From ? await reader.ReadAsync(signal, longer.From, longer.To, cancellationToken) : null;
        return new ChannelTrafficWindows(channel, await recentWindow, await baselineWindow, longWindow);
    }
}
