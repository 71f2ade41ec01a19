using Microsoft.Extensions.Hosting;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>Standalone mode: keeps each DevOps Center org's deployment stream open for the life of the process.</summary>
internal sealed class DevOpsCenterHostedService(DevOpsCenterListener listener, DevOpsCenterOrgs orgs) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(orgs.All.Select(org => listener.RunAsync(org, stoppingToken)));
}
