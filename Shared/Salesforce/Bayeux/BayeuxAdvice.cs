using System.Text.Json.Nodes;

namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>
/// A server's <c>advice</c>: <c>reconnect</c> is "retry" (connect again after <c>interval</c>),
/// "handshake" (the client id is gone: handshake and resubscribe) or "none" (stop; for Salesforce this
/// follows <c>401::Authentication invalid</c>: get a new token first). <c>timeout</c> is how long the
/// server may hold a /meta/connect (Salesforce: 110 s).
/// </summary>
internal sealed record BayeuxAdvice(string? Reconnect, TimeSpan? Interval, TimeSpan? Timeout)
{
    public static BayeuxAdvice None { get; } = new(null, null, null);

    public static BayeuxAdvice From(JsonNode? advice)
    {
        if (advice is not JsonObject obj)
        {
            return None;
        }

        return new BayeuxAdvice(
            BayeuxReplies.Text(obj["reconnect"]),
            Millis(obj["interval"]),
            Millis(obj["timeout"]));
    }

    /// <summary>A duration in milliseconds; a negative, absurd or non-numeric value is no advice.</summary>
    private static TimeSpan? Millis(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var ms) && ms >= 0 && ms <= TimeSpan.FromDays(1).TotalMilliseconds
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
