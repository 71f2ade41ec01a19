using System.Collections.Concurrent;
using ReleaseWatch.Judging;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Gathers what a newErrors metric is judged on: the kept failure evidence of its signal counted per fingerprint over
/// the baseline span and over the watch since warm-up ended (to the check), through
/// <see cref="ISignalEvidenceReader.TallyAsync"/> only. Every fingerprint is kept (the judge needs all the baseline's).
/// A baseline span lies wholly before the deployment and does not change, so its tally is read once per watch and
/// kept (a bounded cache: it is emptied when it holds <see cref="MaxCachedBaselines"/>).
/// </summary>
internal sealed class ErrorHistoryReader(ISignalEvidenceReader evidence)
{
    /// <summary>The most baseline tallies kept at once.</summary>
    public const int MaxCachedBaselines = 2048;

    private readonly ConcurrentDictionary<(string Org, string Signal, DateTimeOffset From, DateTimeOffset To), Task<ErrorTallies>> _baselines = new();

    public async Task<ErrorHistory> ReadAsync(
        string org, string signal, (DateTimeOffset From, DateTimeOffset To) baseline, (DateTimeOffset From, DateTimeOffset To) watch, CancellationToken cancellationToken)
    {
        if (_baselines.Count >= MaxCachedBaselines)
        {
            _baselines.Clear();
        }

        var key = (org, signal, baseline.From, baseline.To);
        var before = _baselines.GetOrAdd(key, k => evidence.TallyAsync(k.Org, k.Signal, k.From, k.To, int.MaxValue, CancellationToken.None));
        var since = watch.To > watch.From
            ? evidence.TallyAsync(org, signal, watch.From, watch.To, int.MaxValue, cancellationToken)
            : Task.FromResult(ErrorTallies.None);
        try
        {
            return new ErrorHistory(await before.WaitAsync(cancellationToken), await since);
        }
        catch when (before.IsFaulted || before.IsCanceled)
        {
            // A failed read is not kept: the next check reads again.
            _baselines.TryRemove(new KeyValuePair<(string, string, DateTimeOffset, DateTimeOffset), Task<ErrorTallies>>(key, before));
            throw;
        }
    }
}
