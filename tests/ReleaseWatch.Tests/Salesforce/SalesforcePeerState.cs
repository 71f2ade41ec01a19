namespace ReleaseWatch.Tests.Salesforce;

/// <summary>
/// What the streaming test server has seen: successful handshakes and subscriptions, messages per meta channel
/// (attempts, refused or not), the busiest second's Bayeux HTTP request count, requests refused by an outage,
/// and polls it holds unanswered ("hang").
/// </summary>
public sealed record SalesforcePeerState(
    int Handshakes,
    int Subscriptions,
    IReadOnlyDictionary<string, int> Requests,
    int PeakRequestsPerSecond,
    int Rejected,
    int HeldConnects)
{
    public int RequestsOf(string metaChannel) => Requests.GetValueOrDefault(metaChannel);
}
