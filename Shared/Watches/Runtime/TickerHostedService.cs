using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>Standalone mode's ticker: a pass every TickInterval. Under the Functions host the Ticker timer function does this.</summary>
internal sealed class TickerHostedService(WatchTicker ticker, TimeProvider time, IOptions<WatchOptions> options, ILogger<TickerHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await ticker.TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WatchLogs.TickFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
