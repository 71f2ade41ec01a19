using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>Standalone mode: a few times per interval, asks the poller for a round; its slots make it one call per org per interval.</summary>
internal sealed class LimitsHostedService(LimitsPoller poller, IOptions<LimitsPollingOptions> options, TimeProvider time, ILogger<LimitsHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollingSlots.Tick(options.Value.Interval), time);
        do
        {
            try
            {
                await poller.PollAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LimitsLogs.RoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
