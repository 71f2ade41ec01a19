using Microsoft.Extensions.Hosting;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>Standalone mode: keeps each DevOps Center org's deployment stream open for the life of the process (on the instance holding its lease).</summary>
internal sealed class DevOpsCenterHostedService(DevOpsCenterRunner runner, DevOpsCenterOrgs orgs) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(orgs.All.Select(org => RunOrgAsync(org, stoppingToken)));

    private async Task RunOrgAsync(Orgs.OrgOptions org, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(org, runFor: null, waitForLease: true, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown while waiting for the lease.
        }
    }
}
