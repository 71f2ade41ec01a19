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
/// At most one call per org per interval slot (<see cref="PollingSlots"/>), however often it is asked; with
/// PollBetweenWatches also while no watch is open, so the baseline window before a deployment has gauge values.
/// </summary>
internal sealed class LimitsPoller(OrgLimitsClient client, TableSignalStore signals, StreamStateStore streams, IOpenWatches watches,
    IOptions<SignalCaptureOrgs> orgs, IOptions<LimitsPollingOptions> options, TimeProvider time, ILogger<LimitsPoller> logger)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, TimeSpan Wait)> _backoff = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastSlot = new(StringComparer.Ordinal);

    /// <summary>The orgs with Salesforce settings: the ones that can be polled.</summary>
    public IReadOnlyList<OrgOptions> Orgs { get; } = [.. orgs.Value.Orgs.Where(o => o.Salesforce is not null)];

    /// <summary>One round over every org with Salesforce settings (when enabled); returns how many calls were made.</summary>
    public async Task<int> PollAllAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        var polled = await Task.WhenAll(Orgs.Select(org => PollAsync(org, cancellationToken)));
        return polled.Count(p => p);
    }

    /// <summary>Polls when due; returns whether a call was made.</summary>
    public async Task<bool> PollAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slot = PollingSlots.Of(now, options.Value.Interval);
        if ((_backoff.TryGetValue(org.Id, out var backoff) && now < backoff.Until) || (_lastSlot.TryGetValue(org.Id, out var last) && last >= slot))
        {
            return false;
        }

        if (!options.Value.PollBetweenWatches && !await watches.AnyAsync(org.Id, cancellationToken))
        {
            return false;
        }

        _lastSlot[org.Id] = slot;
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
