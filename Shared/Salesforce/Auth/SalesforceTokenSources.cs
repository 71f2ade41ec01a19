using System.Collections.Concurrent;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Salesforce.Auth;

/// <summary>One cached token source per org, so every subscriber of an org shares its token.</summary>
internal sealed class SalesforceTokenSources(IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "salesforce-oauth";

    private readonly ConcurrentDictionary<string, ISalesforceTokenSource> _sources = new(StringComparer.Ordinal);

    public ISalesforceTokenSource For(OrgOptions org) =>
        _sources.GetOrAdd(org.Id, _ => new SalesforceTokenClient(httpClients.CreateClient(HttpClientName), org.Salesforce!, time));
}
