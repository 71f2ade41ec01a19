using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Dependencies;

/// <summary>
/// Probes each declared dependency of each org once per interval slot (slots are aligned to the epoch, so a round run
/// early or twice in a slot does nothing), while the org has an open watch, and between watches unless told not to.
/// Each probe is stored through the signal buckets like any event: dependency.{name}.ok or .failed, and .latency as a
/// value (skipped when no response came), at the slot's start with the slot's start as its replay id, so a retried or
/// doubled round counts once. A failed probe keeps evidence (status or error, URL). A probe that cannot be made reports
/// the dependency's pseudo-channel Failing and records a gap over the slot: its metrics are Error while it fails, and
/// checks over that span are Inconclusive afterwards, never Passed.
/// </summary>
internal sealed class DependencyProber(DependencyProbe probe, TableSignalStore signals, StreamStateStore streams, IOpenWatches watches,
    IOptions<OrgCatalogOptions> orgs, IOptions<DependencyProbeOptions> options, TimeProvider time, ILogger<DependencyProber> logger)
{
    private readonly ConcurrentDictionary<string, long> _lastSlot = new(StringComparer.Ordinal);

    /// <summary>The orgs that declare dependencies.</summary>
    public IReadOnlyList<OrgOptions> Orgs { get; } = [.. orgs.Value.Orgs.Where(o => o.Dependencies.Count > 0)];

    /// <summary>One round over every org that declares dependencies; returns how many orgs were probed.</summary>
    public async Task<int> ProbeAllAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        var probed = await Task.WhenAll(Orgs.Select(org => ProbeAsync(org, cancellationToken)));
        return probed.Count(p => p);
    }

    /// <summary>Probes the org's dependencies when its slot is due and it is watched (or probing between watches); returns whether it probed.</summary>
    public async Task<bool> ProbeAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var interval = options.Value.Interval;
        var slot = PollingSlots.Of(time.GetUtcNow(), interval);
        if (org.Dependencies.Count == 0 || (_lastSlot.TryGetValue(org.Id, out var last) && last >= slot))
        {
            return false;
        }

        if (!options.Value.ProbeBetweenWatches && !await watches.AnyAsync(org.Id, cancellationToken))
        {
            return false;
        }

        _lastSlot[org.Id] = slot;
        var slotStart = PollingSlots.Start(slot, interval);
        var outcomes = await Task.WhenAll(org.Dependencies.Select(async d => (Dependency: d, Outcome: await probe.ProbeAsync(d, cancellationToken))));
        var made = outcomes.Where(o => o.Outcome.Result != ProbeResult.NotMade).ToList();
        var replayId = slotStart.ToUnixTimeMilliseconds();
        // Counts and the failures' evidence in one store, as capture does; probes advance no checkpoint.
        await signals.StoreAsync(org.Id,
            [.. made.SelectMany(o => Occurrences(o.Dependency.Name, o.Outcome, replayId, slotStart))],
            [.. made.Where(o => o.Outcome.Result == ProbeResult.Failed).Select(o => Evidence(org.Id, o.Dependency, o.Outcome, replayId, slotStart))],
            new Dictionary<string, long>(), cancellationToken);
        await Task.WhenAll(outcomes.Select(o => ReportAsync(org.Id, o.Dependency, o.Outcome, slotStart, interval, cancellationToken)));
        return true;
    }

    private static IEnumerable<SignalOccurrence> Occurrences(string name, ProbeOutcome outcome, long replayId, DateTimeOffset at)
    {
        var channel = DependencySignals.Channel(name);
        var count = outcome.Result == ProbeResult.Ok ? DependencySignals.Ok(name) : DependencySignals.Failed(name);
        yield return new SignalOccurrence(count, channel, replayId, at);
        var latency = outcome.Latency is { } elapsed ? ValueReading.Of(elapsed.TotalMilliseconds) : ValueReading.Skip("no response: " + outcome.Detail);
        yield return new SignalOccurrence(DependencySignals.Latency(name), channel, replayId, at, latency);
    }

    private static SignalEvidence Evidence(string orgId, DependencyOptions dependency, ProbeOutcome outcome, long replayId, DateTimeOffset at) =>
        new(orgId, DependencySignals.Failed(dependency.Name), DependencySignals.Channel(dependency.Name), replayId, at,
            outcome.Status is { } status ? $"HTTP {status}" : "NoResponse", outcome.Detail, dependency.Url?.ToString(), []);

    private async Task ReportAsync(string orgId, DependencyOptions dependency, ProbeOutcome outcome, DateTimeOffset slotStart, TimeSpan interval, CancellationToken cancellationToken)
    {
        var channel = DependencySignals.Channel(dependency.Name);
        switch (outcome.Result)
        {
            case ProbeResult.NotMade:
                DependencyLogs.ProbeNotMade(logger, orgId, dependency.Name, outcome.Detail);
                await streams.RecordGapAsync(orgId, new SignalGap(channel, slotStart, slotStart + interval, "dependency probe not made: " + outcome.Detail), cancellationToken);
                await streams.ReportAsync(orgId, channel, StreamState.Failing, outcome.Detail, null, null, cancellationToken);
                break;
            case ProbeResult.Failed:
                DependencyLogs.ProbeFailed(logger, orgId, dependency.Name, outcome.Detail);
                await streams.ReportAsync(orgId, channel, StreamState.Connected, null, slotStart, TimeSpan.Zero, cancellationToken);
                break;
            default:
                await streams.ReportAsync(orgId, channel, StreamState.Connected, null, slotStart, TimeSpan.Zero, cancellationToken);
                break;
        }
    }
}
