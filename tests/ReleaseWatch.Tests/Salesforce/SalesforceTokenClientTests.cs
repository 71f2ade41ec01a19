using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Auth;

namespace ReleaseWatch.Tests.Salesforce;

public sealed class SalesforceTokenClientTests : IAsyncLifetime
{
    private readonly CaptureFixture _peers = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _peers.InitializeAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _peers.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_jwt_bearer_assertion_is_accepted_and_token_is_cached_until_renewal()
    {
        var sut = CreateSut(new SalesforceOrgOptions { Username = TokenEndpoint.Username, PrivateKey = _peers.Tokens.PrivateKeyPem }, TimeProvider.System);

        var first = await sut.GetAsync(renew: false, CancellationToken.None);
        var cached = await sut.GetAsync(renew: false, CancellationToken.None);
        var renewed = await sut.GetAsync(renew: true, CancellationToken.None);

        Assert.Same(first, cached);
        Assert.NotEqual(first.AccessToken, renewed.AccessToken);
        Assert.Equal(_peers.Streaming.InstanceUrl, first.InstanceUrl);
        Assert.Empty(_peers.Tokens.Refusals);
    }

    [Fact]
    public async Task GetAsync_assertion_signed_by_another_key_is_refused()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var sut = CreateSut(new SalesforceOrgOptions { Username = TokenEndpoint.Username, PrivateKey = other.ExportPkcs8PrivateKeyPem() }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<SalesforceAuthException>(() => sut.GetAsync(false, CancellationToken.None));

        Assert.Contains("bad signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_assertion_for_another_user_or_expired_is_refused()
    {
        var wrongUser = CreateSut(new SalesforceOrgOptions { Username = "someone@else.com", PrivateKey = _peers.Tokens.PrivateKeyPem }, TimeProvider.System);
        var stale = CreateSut(new SalesforceOrgOptions { Username = TokenEndpoint.Username, PrivateKey = _peers.Tokens.PrivateKeyPem }, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-1)));

        await Assert.ThrowsAsync<SalesforceAuthException>(() => wrongUser.GetAsync(false, CancellationToken.None));
        await Assert.ThrowsAsync<SalesforceAuthException>(() => stale.GetAsync(false, CancellationToken.None));

        Assert.Equal(["sub", "exp"], _peers.Tokens.Refusals);
    }

    [Fact]
    public async Task GetAsync_client_credentials_form_is_accepted_and_a_wrong_secret_refused()
    {
        var good = CreateSut(new SalesforceOrgOptions { ClientSecret = TokenEndpoint.ClientSecret }, TimeProvider.System);
        var bad = CreateSut(new SalesforceOrgOptions { ClientSecret = "wrong" }, TimeProvider.System);

        var token = await good.GetAsync(false, CancellationToken.None);
        await Assert.ThrowsAsync<SalesforceAuthException>(() => bad.GetAsync(false, CancellationToken.None));

        Assert.StartsWith("00Dtoken", token.AccessToken, StringComparison.Ordinal);
        Assert.Equal(["invalid_client"], _peers.Tokens.Refusals);
    }

    private SalesforceTokenClient CreateSut(SalesforceOrgOptions options, TimeProvider time)
    {
        options.LoginUrl = _peers.Tokens.LoginUrl;
        options.ClientId = TokenEndpoint.ClientId;
        return new SalesforceTokenClient(_http, options, time);
    }
}
