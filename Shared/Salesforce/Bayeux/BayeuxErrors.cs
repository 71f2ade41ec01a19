namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>
/// The Salesforce Streaming API error texts this client acts on (Bayeux errors are "code:args:text"):
/// <list type="bullet">
/// <item>/meta/connect: <c>401::Authentication invalid</c> with <c>advice.reconnect = none</c> — the token was
/// revoked or expired; re-authenticate, then handshake.</item>
/// <item>/meta/handshake: <c>403::Handshake denied</c> with <c>ext.sfdc.failureReason = "401::Authentication invalid"</c>.</item>
/// <item>/meta/connect: <c>403::Unknown client</c> — the server no longer knows the client id (restart, session
/// stickiness); handshake and resubscribe, after a delay. Documented also without <c>channel</c> or <c>id</c>.</item>
/// <item>any meta channel: an error whose <c>ext.sfdc.failureReason</c> is <c>503::Server is too busy</c> — back off;
/// the error text (even "401::Authentication invalid") is not the cause.</item>
/// <item>/meta/subscribe: <c>400::The replayId {N} you provided was invalid.  Please provide a valid ID, -2 to
/// replay all events, or -1 to replay only new events.</c> — the id is unknown or past retention.</item>
/// </list>
/// </summary>
internal static class BayeuxErrors
{
    public const string AuthenticationInvalid = "401::Authentication invalid";
    public const string UnknownClient = "403::Unknown client";

    public static bool IsAuthenticationInvalid(string? error) =>
        error is not null && error.StartsWith("401:", StringComparison.Ordinal) && error.Contains("Authentication invalid", StringComparison.OrdinalIgnoreCase);

    public static bool IsUnknownClient(string? error) =>
        error is not null && error.Contains("Unknown client", StringComparison.OrdinalIgnoreCase);

    public static bool IsInvalidReplayId(string? error) =>
        error is not null && error.Contains("replayId", StringComparison.OrdinalIgnoreCase) && error.Contains("invalid", StringComparison.OrdinalIgnoreCase);
}
