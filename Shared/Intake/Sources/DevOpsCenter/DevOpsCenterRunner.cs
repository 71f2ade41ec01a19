using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>
/// One listener per DevOps Center org across instances: the listener runs only while this instance holds the org's
/// lease row (leases table, RowKey "devops-center|{org id}"), renewed every third of ReleaseWatch:SignalCapture:LeaseDuration;
/// a lost lease stops it. So scale-out does not multiply Salesforce's streaming allocations.
/// </summary>
internal sealed class DevOpsCenterRunner(DevOpsCenterListener listener, SignalLeaseStore leases, IOptions<SignalCaptureOptions> options, TimeProvider time)
{
    private readonly string _owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>
    /// Waits for the lease when <paramref name="waitForLease"/> (standalone), else returns false at once when another
    /// instance holds it (a pump run). Listens for <paramref name="runFor"/> or until cancelled, then lets the lease go.
    /// </summary>
    public async Task<bool> RunAsync(OrgOptions org, TimeSpan? runFor, bool waitForLease, CancellationToken cancellationToken)
    {
        var key = DevOpsCenterListener.CheckpointKey(org.Id);
        var duration = options.Value.LeaseDuration;
        while (!await leases.TryAcquireAsync(key, _owner, duration, cancellationToken))
        {
            if (!waitForLease)
            {
                return false;
            }

            await Task.Delay(duration / 3, time, cancellationToken);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (runFor is { } limit)
        {
            run.CancelAfter(limit);
        }

        var listening = listener.RunAsync(org, run.Token);
        try
        {
            while (!listening.IsCompleted)
            {
                await Task.Delay(duration / 3, time, run.Token);
                if (!await leases.TryAcquireAsync(key, _owner, duration, run.Token))
                {
                    await run.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: the listener ends on the same token.
        }

        await listening;
        await leases.ReleaseAsync(key, _owner, CancellationToken.None);
        return true;
    }
}
