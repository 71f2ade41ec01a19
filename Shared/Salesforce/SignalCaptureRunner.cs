using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Runs an org's subscriber only while this instance holds the org's lease, renewing it every third of
/// its duration; a lost lease stops the subscriber. The owner id is unique per process.
/// </summary>
internal sealed class SignalCaptureRunner(SignalSubscriber subscriber, SignalLeaseStore leases, IOptions<SignalCaptureOptions> options, TimeProvider time, ILogger<SignalCaptureRunner> logger)
{
    public string Owner { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>
    /// Waits for the lease when <paramref name="waitForLease"/> (standalone), else returns false at once if
    /// another instance holds it (a pump run). Runs for <paramref name="runFor"/> or until cancelled.
    /// <paramref name="releaseOnStop"/> false leaves the lease to expire, as when a process dies.
    /// </summary>
    public async Task<bool> RunAsync(OrgOptions org, TimeSpan? runFor, bool waitForLease, bool releaseOnStop, CancellationToken cancellationToken)
    {
        var duration = options.Value.LeaseDuration;
        var renewEvery = duration / 3;
        while (!await leases.TryAcquireAsync(org.Id, Owner, duration, cancellationToken))
        {
            if (!waitForLease)
            {
                return false;
            }

            await Task.Delay(renewEvery, time, cancellationToken);
        }

        SignalCaptureLogs.LeaseTaken(logger, org.Id, Owner);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (runFor is { } limit)
        {
            run.CancelAfter(limit);
        }

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

                if (!await leases.TryAcquireAsync(org.Id, Owner, duration, run.Token))
                {
                    SignalCaptureLogs.LeaseLost(logger, org.Id);
                    await run.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopping: the subscriber below ends on the same token.
        }

        await subscription;
        if (releaseOnStop)
        {
            await leases.ReleaseAsync(org.Id, Owner, CancellationToken.None);
        }

        return true;
    }
}
