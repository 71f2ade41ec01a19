using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>
/// What one /meta/connect brought: the data messages delivered with it (in server order) and, when the connect itself
/// failed or got no reply, why. Data delivered beside a failed reply is still the caller's to store.
/// </summary>
internal sealed record BayeuxPoll(IReadOnlyList<JsonObject> Data, BayeuxException? Failure);
