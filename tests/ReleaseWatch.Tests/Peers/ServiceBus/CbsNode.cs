using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>One put-token the peer answered, for tests to read: what was asked and what was answered.</summary>
public sealed record PutTokenRequest(string Audience, string TokenType, int StatusCode, string StatusDescription);

/// <summary>
/// The <c>$cbs</c> node: answers <c>put-token</c> requests (application properties <c>operation</c>, <c>type</c>,
/// <c>name</c> = the audience; body = the token) with <c>status-code</c> (int) and <c>status-description</c>
/// (string), correlated to the request's message id, and remembers what each connection was granted.
/// Only shared access signatures are checked; a Microsoft Entra token ("jwt") is refused, as the peer has no issuer to trust.
/// </summary>
public sealed class CbsNode(SasTokenValidator validator, TimeProvider time) : IRequestProcessor
{
    public const string SasTokenType = "servicebus.windows.net:sastoken";
    private readonly ConditionalWeakTable<Connection, ConcurrentBag<CbsGrant>> _grants = new();

    public ConcurrentQueue<PutTokenRequest> Requests { get; } = new();

    public int Credit => 100;

    /// <summary>True when a token put on <paramref name="connection"/> covers <paramref name="audience"/> with <paramref name="needed"/>, now.</summary>
    public bool IsAuthorized(Connection connection, string audience, SasRights needed) =>
        _grants.TryGetValue(connection, out var grants) && grants.Any(g => g.Covers(audience, needed, time.GetUtcNow()));

    public void Process(RequestContext requestContext)
    {
        var request = requestContext.Message;
        var properties = request.ApplicationProperties;
        var operation = properties?["operation"] as string;
        var type = properties?["type"] as string ?? "";
        var audience = properties?["name"] as string ?? "";
        var verdict = (operation, type) switch
        {
            (not "put-token", _) => new CbsVerdict(CbsVerdict.BadRequest, $"The operation '{operation}' is not supported; $cbs accepts put-token.", null),
            (_, _) when audience.Length == 0 => new CbsVerdict(CbsVerdict.BadRequest, "The put-token request has no 'name' (audience).", null),
            (_, SasTokenType) when request.Body is string token => validator.Validate(token, audience),
            (_, SasTokenType) => new CbsVerdict(CbsVerdict.BadRequest, "The put-token body must be the token as an AMQP string.", null),
            _ => CbsVerdict.Refused($"The token type '{type}' is not accepted by this peer; it checks '{SasTokenType}' only."),
        };

        if (verdict.Grant is not null)
        {
            _grants.GetOrCreateValue(requestContext.Link.Session.Connection).Add(verdict.Grant);
        }

        Requests.Enqueue(new PutTokenRequest(audience, type, verdict.StatusCode, verdict.Description));
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["status-code"] = verdict.StatusCode;
        response.ApplicationProperties["status-description"] = verdict.Description;
        requestContext.Complete(response);
    }
}
