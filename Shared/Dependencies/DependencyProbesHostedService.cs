using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Dependencies;

/// <summary>Standalone mode: runs the probe round a few times per interval; the prober's slots make it one probe per interval.</summary>
internal sealed class DependencyProbesHostedService(DependencyProber prober, IOptions<DependencyProbeOptions> options, TimeProvider time, ILogger<DependencyProbesHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || prober.Orgs.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollingSlots.Tick(options.Value.Interval), time);
        do
        {
            try
            {
                await prober.ProbeAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DependencyLogs.RoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
