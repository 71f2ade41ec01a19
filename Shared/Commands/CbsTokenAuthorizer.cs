using Amqp;
using Amqp.Framing;
using Azure.Core;

namespace ReleaseWatch.Commands;

/// <summary>
/// Puts a Microsoft Entra token on the connection's $cbs node for each queue (type "jwt"), and again
/// before it expires. Service Bus closes a connection that carries no token within 20 s of opening.
/// </summary>
internal sealed class CbsTokenAuthorizer(TokenCredential credential, TimeProvider time)
{
    private static readonly TokenRequestContext Scope = new(["https://servicebus.azure.net/.default"]);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    /// <summary>Forgets what was authorized: a new connection needs its tokens again.</summary>
    public void Reset() => _expiries.Clear();

    public async Task EnsureAsync(Connection connection, string host, string entity, CancellationToken cancellationToken)
    {
        var audience = $"sb://{host}/{entity}";
        if (_expiries.TryGetValue(audience, out var expiry) && expiry - RenewBefore > time.GetUtcNow())
        {
            return;
        }

        var token = await credential.GetTokenAsync(Scope, cancellationToken).ConfigureAwait(false);
        var session = new Session(connection);
        try
        {
            var replyTo = "cbs-reply-" + Guid.NewGuid().ToString("N");
            var sender = new SenderLink(session, "cbs-sender", "$cbs");
            var receiver = new ReceiverLink(session, replyTo, new Source { Address = "$cbs" }, null);
            var request = new Message(token.Token)
            {
                Properties = new Properties { MessageId = Guid.NewGuid().ToString(), ReplyTo = replyTo },
                ApplicationProperties = new ApplicationProperties(),
            };
            request.ApplicationProperties["operation"] = "put-token";
            request.ApplicationProperties["type"] = "jwt";
            request.ApplicationProperties["name"] = audience;
            await sender.SendAsync(request).ConfigureAwait(false);
            var response = await receiver.ReceiveAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false)
                ?? throw new TimeoutException("Service Bus did not answer the $cbs put-token request.");
            receiver.Accept(response);
            var status = Convert.ToInt32(response.ApplicationProperties["status-code"], System.Globalization.CultureInfo.InvariantCulture);
            if (status is not (200 or 202))
            {
                throw new UnauthorizedAccessException(
                    $"Service Bus refused the token for {audience}: {status} {response.ApplicationProperties["status-description"]}.");
            }

            _expiries[audience] = token.ExpiresOn;
        }
        finally
        {
            await session.CloseAsync().ConfigureAwait(false);
        }
    }
}
