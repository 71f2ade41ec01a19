using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Salesforce;

/// <summary>Standalone mode: keeps one connection per streamed org open for the life of the process.</summary>
internal sealed class SignalCaptureHostedService(SignalCaptureRunner runner, CaptureShare share, IOptions<SignalCaptureOrgs> orgs) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(orgs.Value.Streamed.Select(org => RunOrgAsync(org, stoppingToken)));
        try
        {
            await share.LeaveAsync(CancellationToken.None);
        }
        catch (Azure.RequestFailedException)
        {
            // Storage is unreachable at shutdown: the heartbeat simply expires.
        }
    }

    private async Task RunOrgAsync(Orgs.OrgOptions org, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(org, runFor: null, waitForLease: true, releaseOnStop: true, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
