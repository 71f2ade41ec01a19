using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Answers which streams feed a signal from the org's classification rules (its own, then the defaults), and which
/// signals its configured channels can produce for a family: each channel's traffic, and each rule's signal with
/// {object} the channel's object (single-object CDC channels) and {change} each change type; and each declared
/// dependency's probe signals.
/// </summary>
internal sealed class ClassifiedSignalSources(IOptions<SignalCaptureOrgs> orgs) : ISignalSources, ISignalFamilies
{
    private static readonly string[] Changes = ["created", "updated", "deleted", "undeleted"];

    private readonly Dictionary<string, IReadOnlyList<SignalRuleOptions>> _rulesByOrg = orgs.Value.Orgs
        .Where(o => SalesforceOrgId.IsValid(o.Id))
        .DistinctBy(o => SalesforceOrgId.Key(o.Id))
        .ToDictionary(o => SalesforceOrgId.Key(o.Id), o => (IReadOnlyList<SignalRuleOptions>)[.. o.Salesforce?.Rules ?? [], .. DefaultSignalRules.All], StringComparer.Ordinal);

    // Asked for every signal window the judge reads; the answers are few (orgs x channels x signals) and fixed.
    private readonly ConcurrentDictionary<(string Org, string Channel, string Signal), bool> _answers = new();

    public bool CanFeed(string orgId, string channel, string signal) =>
        LimitsSignals.CanFeed(channel, signal) || DependencySignals.CanFeed(channel, signal) || _answers.GetOrAdd((orgId, channel, signal), key =>
        {
            var rules = SalesforceOrgId.IsValid(key.Org) && _rulesByOrg.TryGetValue(SalesforceOrgId.Key(key.Org), out var own) ? own : DefaultSignalRules.All;
            return rules.Any(rule => SignalClassifier.CouldName(rule, key.Channel, key.Signal));
        });

    public IReadOnlyList<string> Members(string orgId, string pattern)
    {
        var org = orgs.Value.Orgs.FirstOrDefault(o => SalesforceOrgId.IsValid(o.Id) && SalesforceOrgId.IsValid(orgId) && SalesforceOrgId.Key(o.Id) == SalesforceOrgId.Key(orgId));
        if (org is null)
        {
            return [];
        }

        var rules = _rulesByOrg.GetValueOrDefault(SalesforceOrgId.Key(org.Id)) ?? DefaultSignalRules.All;
        var candidates = org.Channels.Select(ChannelTraffic.Signal)
            .Concat(org.Channels.SelectMany(channel => rules.Where(r => SignalClassifier.ChannelMatches(r.Channel, channel))
                .SelectMany(r => Changes.Select(change => r.Signal.Replace("{change}", change, StringComparison.Ordinal))
                    .Select(signal => signal.Replace("{object}", SignalClassifier.ChangeEventEntity(channel)?.ToLowerInvariant() ?? "{object}", StringComparison.Ordinal)))))
            .Where(s => !s.Contains('{', StringComparison.Ordinal))
            .Concat(DependencySignals.Of(org.Dependencies.Select(d => d.Name)));
        return [.. candidates.Distinct(StringComparer.Ordinal).Where(s => ISignalFamilies.Matches(pattern, s))];
    }
}
