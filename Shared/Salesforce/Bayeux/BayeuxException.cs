namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>An unsuccessful Bayeux reply: its <c>error</c> ("code:args:text"), advice and Salesforce's failure reason.</summary>
internal sealed class BayeuxException(string channel, string? error, BayeuxAdvice advice, string? failureReason)
    : Exception($"{channel} failed: {error ?? "no error text"}" + (failureReason is null ? "" : $" ({failureReason})"))
{
    public string Channel { get; } = channel;

    public string? Error { get; } = error;

    public BayeuxAdvice Advice { get; } = advice;

    /// <summary>Salesforce's <c>ext.sfdc.failureReason</c> on a denied handshake, e.g. "401::Authentication invalid".</summary>
    public string? FailureReason { get; } = failureReason;

    /// <summary>
    /// The token is no longer accepted: get a new one, then handshake. A failure reason names the real cause and
    /// wins over the error text: a "401::Authentication invalid" whose reason is "503::Server is too busy" is
    /// the server's load, to back off from, not a token to renew.
    /// </summary>
    public bool IsAuthenticationInvalid => FailureReason is not null
        ? BayeuxErrors.IsAuthenticationInvalid(FailureReason)
        : BayeuxErrors.IsAuthenticationInvalid(Error);

    /// <summary>The server forgot this client (restart, timeout): handshake and resubscribe. Advice first, text second.</summary>
    public bool RequiresHandshake =>
        Advice.Reconnect == "handshake" || BayeuxErrors.IsUnknownClient(Error);

    /// <summary>Salesforce rejected the replay id of a subscription (unknown, or older than retention).</summary>
    public bool IsInvalidReplayId => BayeuxErrors.IsInvalidReplayId(Error);
}
