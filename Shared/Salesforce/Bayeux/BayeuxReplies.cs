using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>
/// Finds the server's reply to one request among the messages of a response, and reads it defensively. Salesforce's
/// documented samples of some errors carry no <c>channel</c> (nor <c>id</c>), e.g.
/// <c>{"error":"403::Unknown client","successful":false,"advice":{"interval":0,"reconnect":"handshake"}}</c>: since this
/// client sends one request per HTTP exchange, a message without a channel that says whether it succeeded is that reply.
/// </summary>
internal static class BayeuxReplies
{
    public static JsonObject? Find(IReadOnlyList<JsonObject> messages, string channel, string id)
    {
        JsonObject? unnamed = null;
        foreach (var message in messages)
        {
            var idOf = Text(message["id"]);
            if (idOf is not null && idOf != id)
            {
                continue;
            }

            var channelOf = Text(message["channel"]);
            if (channelOf == channel)
            {
                return message;
            }

            if (channelOf is null && (message["successful"] is not null || message["error"] is not null))
            {
                unnamed ??= message;
            }
        }

        return unnamed;
    }

    /// <summary>The failure a reply reports, or null when it says <c>successful: true</c>. A reply that does not say counts as failed.</summary>
    public static BayeuxException? FailureOf(JsonObject reply, string channel)
    {
        if (reply["successful"] is JsonValue successful && successful.TryGetValue<bool>(out var ok) && ok)
        {
            return null;
        }

        var failureReason = Text(reply["ext"]?["sfdc"]?["failureReason"]);
        return new BayeuxException(Text(reply["channel"]) ?? channel, Text(reply["error"]), BayeuxAdvice.From(reply["advice"]), failureReason);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
