using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>Answers which streams feed a signal from the org's classification rules (its own, then the defaults).</summary>
internal sealed class ClassifiedSignalSources(IOptions<SignalCaptureOrgs> orgs) : ISignalSources
{
    private readonly Dictionary<string, IReadOnlyList<SignalRuleOptions>> _rulesByOrg = orgs.Value.Orgs
        .Where(o => SalesforceOrgId.IsValid(o.Id))
        .DistinctBy(o => SalesforceOrgId.Key(o.Id))
        .ToDictionary(o => SalesforceOrgId.Key(o.Id), o => (IReadOnlyList<SignalRuleOptions>)[.. o.Salesforce?.Rules ?? [], .. DefaultSignalRules.All], StringComparer.Ordinal);

    // Asked for every signal window the judge reads; the answers are few (orgs x channels x signals) and fixed.
    private readonly ConcurrentDictionary<(string Org, string Channel, string Signal), bool> _answers = new();

    public bool CanFeed(string orgId, string channel, string signal) =>
        LimitsSignals.CanFeed(channel, signal) || _answers.GetOrAdd((orgId, channel, signal), key =>
        {
            var rules = SalesforceOrgId.IsValid(key.Org) && _rulesByOrg.TryGetValue(SalesforceOrgId.Key(key.Org), out var own) ? own : DefaultSignalRules.All;
            return rules.Any(rule => SignalClassifier.CouldName(rule, key.Channel, key.Signal));
        });
}
