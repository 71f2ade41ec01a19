using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Says at start which metrics of a streamed org's policy no subscribed channel can feed: a release manager
/// learns that "flow-errors passed" means "nothing counted flow errors" before trusting a verdict, not after.
/// </summary>
internal sealed class SignalCoverageStartupCheck(IOptions<SignalCaptureOrgs> orgs, PolicyCatalog policies, ISignalSources sources, ILogger<SignalCoverageStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var org in orgs.Value.Streamed)
        {
            if (!policies.TryResolve(null, org.Policy, out var policy))
            {
                continue; // An unknown org policy is the org catalog's error to report.
            }

            foreach (var uncovered in SignalCoverage.Uncovered(org.Id, org.Channels, policy, sources))
            {
                SignalCaptureLogs.MetricUncovered(logger, org.Id, uncovered.Metric, uncovered.Policy, uncovered.Signal, string.Join(", ", org.Channels));
            }

            foreach (var unseen in SignalCoverage.Uncovered(org.Id, org.Channels, policy, sources, observeOnly: true))
            {
                SignalCaptureLogs.IndicatorUnseen(logger, org.Id, unseen.Metric, unseen.Policy, unseen.Signal);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
