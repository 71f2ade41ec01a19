using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Tests.Peers.ServiceBus;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

/// <summary>
/// The SDK sender against the peer's $cbs node and entity checks. A refused token is retried by the SDK
/// (3 times by default, about 11 s) before it fails; these tests sit in their own class to run beside the others.
/// </summary>
public sealed class ServiceBusAuthorizationTests
{
    [Fact]
    public async Task SendAsync_authorizes_the_queue_with_a_shared_access_signature_that_the_namespace_verified()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        await using var sender = ServiceBusNamespace.Sender(client);

        await sender.SendAsync(Some.Command(), CancellationToken.None);

        var request = Assert.Single(peer.Cbs.Requests);
        Assert.Equal(CbsNode.SasTokenType, request.TokenType);
        Assert.EndsWith("/" + ServiceBusNamespace.Commands, request.Audience, StringComparison.Ordinal);
        Assert.Equal((202, "Accepted"), (request.StatusCode, request.StatusDescription));
    }

    [Fact]
    public async Task SendAsync_with_a_wrong_key_is_refused_with_401_and_puts_nothing_on_the_queue()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString(key: ServiceBusPeer.NewKey()));
        await using var sender = ServiceBusNamespace.Sender(client);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendAsync(Some.Command(), CancellationToken.None));

        Assert.Contains("status-code: 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidSignature", error.Message, StringComparison.Ordinal);
        Assert.All(peer.Cbs.Requests, r => Assert.Equal(401, r.StatusCode));
        Assert.Empty(peer.Queue(ServiceBusNamespace.Commands).Enqueued);
    }

    [Fact]
    public async Task SendAsync_with_a_listen_only_rule_is_refused_for_want_of_the_Send_claim()
    {
        var listen = new SasRule("releasewatch-listen", ServiceBusPeer.NewKey(), SasRights.Listen);
        await using var peer = ServiceBusNamespace.Start(moreRules: listen);
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString(listen));
        await using var sender = ServiceBusNamespace.Sender(client);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendAsync(Some.Command(), CancellationToken.None));

        Assert.Contains("'Send' claim(s) are required", error.Message, StringComparison.Ordinal);
        Assert.Empty(peer.Queue(ServiceBusNamespace.Commands).Enqueued);
    }

    [Fact]
    public async Task SendAsync_is_refused_when_the_namespace_finds_the_token_expired()
    {
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(1));
        await using var peer = ServiceBusNamespace.Start(later);
        await using var client = ServiceBusNamespace.Client(peer.ConnectionString());
        await using var sender = ServiceBusNamespace.Sender(client);

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendAsync(Some.Command(), CancellationToken.None));

        Assert.Contains("ExpiredToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(peer.Queue(ServiceBusNamespace.Commands).Enqueued);
    }
}
