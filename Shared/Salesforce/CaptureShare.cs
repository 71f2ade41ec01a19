using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Spreads the orgs' capture leases across the instances running standalone capture (a scaled-out App Service or
/// container app), instead of the first instance to start holding every org: each instance heartbeats, and holds at
/// most its fair share, ⌈streamed orgs ÷ live instances⌉. Below its share it takes free leases; above it (an instance
/// joined) it lets its surplus go, the last of its orgs in id order, each stopped cleanly at its checkpoint so the
/// instance that takes it resumes where it stopped. A dead instance's heartbeat expires after LeaseDuration and the
/// others' shares grow to cover its orgs. The census (one heartbeat and one query) is read at most once per
/// renewal period, a third of LeaseDuration, whatever the number of orgs. Only instances streaming the same orgs share
/// (a fleet, named by a hash of the org ids): another deployment on the same storage account, streaming other orgs,
/// takes nothing of this one's share.
/// </summary>
internal sealed class CaptureShare(SignalLeaseStore leases, IOptions<SignalCaptureOrgs> orgs, IOptions<SignalCaptureOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _instances = 1;

    private readonly string _fleet = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join(',', orgs.Value.Streamed.Select(o => o.Id).Order(StringComparer.Ordinal)))))[..16];

    /// <summary>This instance's id in leases and heartbeats: unique per process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>How many orgs this instance may hold, as of the last census.</summary>
    public int Share => (int)Math.Ceiling(Math.Max(1, orgs.Value.Streamed.Count()) / (double)Math.Max(1, _instances));

    /// <summary>The orgs this instance holds now.</summary>
    public IReadOnlyCollection<string> Held => [.. _held.Keys];

    /// <summary>Whether this instance may try to take <paramref name="orgId"/>'s lease: it holds it, or fewer orgs than its share.</summary>
    public async Task<bool> MayTakeAsync(string orgId, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        return _held.ContainsKey(orgId) || _held.Count < Share;
    }

    /// <summary>Whether this instance should let <paramref name="orgId"/> go: it holds more than its share and this org is surplus.</summary>
    public async Task<bool> ShouldYieldAsync(string orgId, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        var surplus = _held.Count - Share;
        return surplus > 0 && _held.Keys.Order(StringComparer.Ordinal).TakeLast(surplus).Contains(orgId, StringComparer.Ordinal);
    }

    public void Taken(string orgId) => _held[orgId] = 0;

    public void Released(string orgId) => _held.TryRemove(orgId, out _);

    /// <summary>A clean stop of the instance: the others need not wait for its heartbeat to expire.</summary>
    public Task LeaveAsync(CancellationToken cancellationToken) => leases.LeaveAsync(_fleet, Owner, cancellationToken);

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.LeaseDuration / 3;
        if (time.GetUtcNow() - _readAt < every)
        {
            return;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _readAt >= every)
            {
                _instances = (await leases.HeartbeatAsync(_fleet, Owner, options.Value.LeaseDuration, cancellationToken)).Count;
                _readAt = time.GetUtcNow();
            }
        }
        finally
        {
            _reading.Release();
        }
    }
}
