using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Demo;

/// <summary>With no org streaming and the demo off, says once at start how to see ReleaseWatch work on a recorded incident.</summary>
internal sealed class DemoOffer(IOptions<SignalCaptureOrgs> orgs, ILogger<DemoOffer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!orgs.Value.Streamed.Any())
        {
            DemoLogs.Offer(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
