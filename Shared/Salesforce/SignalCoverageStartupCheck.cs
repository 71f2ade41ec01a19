using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Says at start which metrics of a streamed org's policy no subscribed channel or poller (/limits, dependency probes)
/// can feed: a release manager learns that "flow-errors passed" means "nothing counted flow errors" before trusting a
/// verdict, not after. Observe-mode metrics without a source, and templates with no member for the org (dependency.*
/// without declared dependencies), are indicators the org cannot see: information, not a warning.
/// </summary>
internal sealed class SignalCoverageStartupCheck(IOptions<SignalCaptureOrgs> orgs, PolicyCatalog policies, ISignalSources sources, ILogger<SignalCoverageStartupCheck> logger,
    IEnumerable<IPolledChannels> polled, ISignalFamilies families) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var org in orgs.Value.Streamed)
        {
            if (!policies.TryResolve(null, org.Policy, out var policy))
            {
                continue; // An unknown org policy is the org catalog's error to report.
            }

            string[] channels = [.. org.Channels.Union(polled.SelectMany(p => p.For(org.Id)), StringComparer.Ordinal)];
            foreach (var uncovered in SignalCoverage.Uncovered(org.Id, channels, policy, sources))
            {
                SignalCaptureLogs.MetricUncovered(logger, org.Id, uncovered.Metric, uncovered.Policy, uncovered.Signal, string.Join(", ", channels));
            }

            foreach (var unseen in SignalCoverage.Uncovered(org.Id, channels, policy, sources, observeOnly: true))
            {
                SignalCaptureLogs.IndicatorUnseen(logger, org.Id, unseen.Metric, unseen.Policy, unseen.Signal);
            }

            foreach (var template in SignalCoverage.Unmatched(org.Id, policy, families))
            {
                SignalCaptureLogs.FamilyUnseen(logger, org.Id, template.Metric, template.Policy, template.Signal);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
