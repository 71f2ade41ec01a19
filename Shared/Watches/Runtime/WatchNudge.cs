using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>
/// Judges an org's watching watches as soon as capture counts a failure signal. Nudges for one org that
/// arrive while one is running are folded into a single re-run, so a burst of events costs two judgements.
/// </summary>
internal sealed class WatchNudge(IWatchStore store, WatchChecks checks, ILogger<WatchNudge> logger) : IWatchNudge
{
    private readonly ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);

    public async Task NotifySignalsAsync(string orgId, CancellationToken cancellationToken)
    {
        // 0 = idle; 1 = running; 2 = running and asked again.
        if (_pending.AddOrUpdate(orgId, 1, (_, n) => Math.Min(n + 1, 2)) > 1)
        {
            return;
        }

        try
        {
            do
            {
                _pending[orgId] = 1;
                foreach (var watch in await store.ListOpenAsync(orgId, cancellationToken))
                {
                    if (watch.Phase != WatchPhase.Watching)
                    {
                        continue;
                    }

                    try
                    {
                        await checks.JudgeAsync(watch.WatchId, JudgementTrigger.Nudge, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        WatchLogs.NudgeFailed(logger, orgId, watch.WatchId, ex);
                    }
                }
            }
            while (!_pending.TryUpdate(orgId, 0, 1));
            _pending.TryRemove(new KeyValuePair<string, int>(orgId, 0));
        }
        catch
        {
            _pending.TryRemove(orgId, out _); // a failed run must not block later nudges
            throw;
        }
    }
}
