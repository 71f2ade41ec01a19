using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Salesforce;

/// <summary>Standalone mode: keeps one connection per streamed org open for the life of the process.</summary>
internal sealed class SignalCaptureHostedService(SignalCaptureRunner runner, IOptions<SignalCaptureOrgs> orgs) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(orgs.Value.Streamed.Select(org => RunOrgAsync(org, stoppingToken)));

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
