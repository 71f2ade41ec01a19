using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Runs an org's subscriber only while this instance holds the org's lease, renewing it every third of
/// its duration; a lost lease stops the subscriber. Standalone (waiting for the lease), the instance takes only its
/// share of the orgs and lets its surplus go when another instance joins (<see cref="CaptureShare"/>), then waits
/// to take the org again should its share grow. The owner id is unique per process.
/// </summary>
internal sealed class SignalCaptureRunner(SignalSubscriber subscriber, SignalLeaseStore leases, CaptureShare share, IOptions<SignalCaptureOptions> options, TimeProvider time, ILogger<SignalCaptureRunner> logger)
{
    public string Owner => share.Owner;

    /// <summary>
    /// Waits for the lease when <paramref name="waitForLease"/> (standalone), else returns false at once if
    /// another instance holds it (a pump run). Runs for <paramref name="runFor"/> or until cancelled.
    /// <paramref name="releaseOnStop"/> false leaves the lease to expire, as when a process dies.
    /// </summary>
    public async Task<bool> RunAsync(OrgOptions org, TimeSpan? runFor, bool waitForLease, bool releaseOnStop, CancellationToken cancellationToken)
    {
        if (!waitForLease)
        {
            return await RunOnceAsync(org, runFor, waitForLease, releaseOnStop, cancellationToken) is not null;
        }

        // Standalone, an org is streamed for the life of the process: after a lost lease, a surplus let go, or storage
        // failing under the lease, this instance waits to take it again (another instance may hold it meanwhile).
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(org, runFor, waitForLease, releaseOnStop, cancellationToken) is true)
                {
                    continue; // let go to another instance's share: wait for it at once, as RunOnceAsync does
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SignalCaptureLogs.LeaseUnavailable(logger, org.Id, ex.Message);
            }

            // The lease was lost, or storage failed: take the org again after a pause, never in a tight loop.
            if (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.LeaseDuration / 3, time, cancellationToken);
            }
        }

        return true;
    }

    /// <summary>Null when the lease was not taken; true when the org was let go to another instance's share; false otherwise.</summary>
    private async Task<bool?> RunOnceAsync(OrgOptions org, TimeSpan? runFor, bool waitForLease, bool releaseOnStop, CancellationToken cancellationToken)
    {
        var duration = options.Value.LeaseDuration;
        var renewEvery = duration / 3;
        while (!await TryTakeAsync(org.Id, shared: waitForLease, duration, cancellationToken))
        {
            if (!waitForLease)
            {
                return null;
            }

            await Task.Delay(renewEvery, time, cancellationToken);
        }

        share.Taken(org.Id);
        SignalCaptureLogs.LeaseTaken(logger, org.Id, Owner);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (runFor is { } limit)
        {
            run.CancelAfter(limit);
        }

        var yielded = false;
        var renewed = time.GetUtcNow();
        var subscription = subscriber.RunAsync(org, run.Token);
        try
        {
            while (!subscription.IsCompleted)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
                var renewal = Task.Delay(renewEvery, time, tick.Token);
                await Task.WhenAny(subscription, renewal);
                await tick.CancelAsync();
                if (subscription.IsCompleted || run.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    if (waitForLease && await share.ShouldYieldAsync(org.Id, run.Token))
                    {
                        SignalCaptureLogs.LeaseYielded(logger, org.Id, share.Share);
                        yielded = true;
                        await run.CancelAsync();
                    }
                    else if (!await leases.TryAcquireAsync(org.Id, Owner, duration, run.Token))
                    {
                        SignalCaptureLogs.LeaseLost(logger, org.Id);
                        await run.CancelAsync();
                    }
                    else
                    {
                        renewed = time.GetUtcNow();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage failing: the subscriber goes on while the lease is surely still ours, and stops once it may
                    // have expired (another instance may take the org then; counting stays exactly once either way).
                    SignalCaptureLogs.LeaseUnavailable(logger, org.Id, ex.Message);
                    if (time.GetUtcNow() - renewed >= duration)
                    {
                        SignalCaptureLogs.LeaseLost(logger, org.Id);
                        await run.CancelAsync();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopping: the subscriber below ends on the same token.
        }

        await subscription;
        share.Released(org.Id);
        if (releaseOnStop || yielded)
        {
            await leases.ReleaseAsync(org.Id, Owner, CancellationToken.None);
        }

        return yielded && !cancellationToken.IsCancellationRequested;
    }

    /// <summary>A pump run (Functions: one timer for the whole app) takes what is free; standalone instances share the orgs out.</summary>
    private async Task<bool> TryTakeAsync(string orgId, bool shared, TimeSpan duration, CancellationToken cancellationToken) =>
        (!shared || await share.MayTakeAsync(orgId, cancellationToken)) && await leases.TryAcquireAsync(orgId, Owner, duration, cancellationToken);
}
