using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>
/// One poll of one org's /limits, if it has an open watch and is not backing off: each limit's used fraction is stored
/// as the value of saturation.limit.{Name} in the poll's minute (replay id = the poll's time, so a retried write counts
/// once), and the pseudo-channel's health is reported. A failed or malformed answer reports the channel Failing, so
/// those metrics are Error for the span, never Passed; REQUEST_LIMIT_EXCEEDED also doubles the wait before the next call.
/// </summary>
internal sealed class LimitsPoller(OrgLimitsClient client, TableSignalStore signals, StreamStateStore streams, IOpenWatches watches,
    IOptions<LimitsPollingOptions> options, TimeProvider time, ILogger<LimitsPoller> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, TimeSpan Wait)> _backoff = new(StringComparer.Ordinal);

    /// <summary>Polls when due; returns whether a call was made.</summary>
    public async Task<bool> PollAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_backoff.TryGetValue(org.Id, out var backoff) && now < backoff.Until)
        {
            return false;
        }

        if (!await watches.AnyAsync(org.Id, cancellationToken))
        {
            return false;
        }

        var answer = await client.GetAsync(org, cancellationToken);
        if (answer.Limits is { } limits)
        {
            _backoff.TryRemove(org.Id, out _);
            var replayId = now.ToUnixTimeMilliseconds();
            var occurrences = limits.UsedFractions
                .Select(l => new SignalOccurrence(LimitsSignals.For(l.Key), LimitsSignals.Channel, replayId, now, ValueReading.Of(l.Value)))
                .ToList();
            await signals.CountAsync(org.Id, occurrences, cancellationToken);
            await streams.ReportAsync(org.Id, LimitsSignals.Channel, StreamState.Connected, null, now, TimeSpan.Zero, cancellationToken);
            return true;
        }

        var detail = answer.Failure ?? "the /limits call failed";
        if (answer.RequestLimitExceeded)
        {
            var wait = backoff.Wait == TimeSpan.Zero ? options.Value.Interval * 2 : backoff.Wait * 2;
            wait = wait > options.Value.MaxBackoff ? options.Value.MaxBackoff : wait;
            _backoff[org.Id] = (now + wait, wait);
            detail = $"{detail}; next call after {wait}";
        }

        LimitsLogs.PollFailed(logger, org.Id, detail);
        await streams.ReportAsync(org.Id, LimitsSignals.Channel, StreamState.Failing, detail, null, null, cancellationToken);
        return true;
    }
}
