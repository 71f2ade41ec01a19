using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>Standalone mode: every interval, polls each org with Salesforce settings (the poller skips unwatched ones).</summary>
internal sealed class LimitsHostedService(LimitsPoller poller, IOptions<SignalCaptureOrgs> orgs, IOptions<LimitsPollingOptions> options, TimeProvider time, ILogger<LimitsHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var targets = orgs.Value.Orgs.Where(o => o.Salesforce is not null).ToList();
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await Task.WhenAll(targets.Select(org => poller.PollAsync(org, stoppingToken)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LimitsLogs.RoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
